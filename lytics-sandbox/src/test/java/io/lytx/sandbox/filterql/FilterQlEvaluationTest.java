package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluation over a profile shaped like a Lytics entity response (strings for numbers, "t"/"f", maps, lists). */
class FilterQlEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final SettableContext ctx = new SettableContext(NOW);
    private final Map<String, Object> pat = pat();

    private static Map<String, Object> pat() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("_uids", List.of("u_481516234200000001", "u_481516234200000002"));
        p.put("email", "pat@Example.org");
        p.put("user_id", "cust-0042");
        p.put("visitct", "17");
        p.put("score_intensity", "61");
        p.put("country", "US");
        p.put("app_lastvisit_ts", "2024-05-01T12:00:00Z");
        p.put("hourly", Map.of("9", "3", "14", "8"));
        p.put("segments", List.of("all", "known_users", "us_visitors"));
        p.put("lytics_content", Map.of("Running", 0.82, "Credit Cards", "0.41"));
        p.put("scores", Map.of("momentum", 12L, "quantity", "25"));
        p.put("is_subscriber", "t");
        p.put("email_optout", "f");
        p.put("vip", Boolean.TRUE);
        p.put("first_seen_ms", "1393468620175");
        p.put("signup_ts", 1_700_000_000_000L);
        p.put("last_purchase", Instant.parse("2026-11-20T10:00:00Z"));
        p.put("channels", List.of("web", "email"));
        p.put("ltv", new BigDecimal("1234.50"));
        p.put("avg_order", 45.5d);
        p.put("url", "https://www.example.org/blog/running-shoes?utm=x");
        p.put("geo", "45.52,-122.68");
        p.put("empty_text", "");
        p.put("empty_list", List.of());
        p.put("nothing_here", null);
        p.put("actioncounts", Map.of("Web hit", 10));
        p.put("flat.key", "flat");
        return p;
    }

    private boolean matches(String filterQl) {
        return Trees.parse(filterQl).filter().test(pat, ctx);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "visitct > 5", "visitct >= 17", "visitct = 17", "visitct = \"17\"", "visitct == 17.0", "visitct < \"20\"",
        "visitct BETWEEN 10 AND 20", "score_intensity > 60.5", "visitct != 18",
    })
    void numbersStoredAsStringsCompareNumerically(String filterQl) {
        assertThat(matches(filterQl)).as(filterQl).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"visitct > 17", "visitct < 17", "visitct = 18", "visitct != 17", "visitct BETWEEN 18 AND 20"})
    void numbersStoredAsStringsDoNotMatchWrongBounds(String filterQl) {
        assertThat(matches(filterQl)).as(filterQl).isFalse();
    }

    @Test
    void booleansStoredAsTOrF() {
        assertThat(matches("is_subscriber = true")).isTrue();
        assertThat(matches("is_subscriber = false")).isFalse();
        assertThat(matches("is_subscriber != false")).isTrue();
        assertThat(matches("email_optout = false")).isTrue();
        assertThat(matches("email_optout = true")).isFalse();
        assertThat(matches("vip = true")).isTrue();
        assertThat(matches("vip = \"t\"")).isTrue();
        assertThat(matches("country = true")).as("text that is no boolean never equals a boolean").isFalse();
    }

    @Test
    void timestampsAsEpochMillisTextNumbersInstantsAndIso() {
        // first_seen_ms "1393468620175" is 2014-02-27T02:37:00.175Z
        assertThat(matches("first_seen_ms < \"2015-01-01T00:00:00Z\"")).isTrue();
        assertThat(matches("first_seen_ms > \"2014-02-27 02:37:00Z\"")).isTrue();
        assertThat(matches("first_seen_ms > \"2014-02-28\"")).isFalse();
        // signup_ts 1700000000000 (a Long) is 2023-11-14T22:13:20Z
        assertThat(matches("signup_ts > \"2023-11-14T22:13:19Z\"")).isTrue();
        assertThat(matches("signup_ts < \"2023-11-14T23:13:20+01:00\"")).isFalse();
        assertThat(matches("signup_ts = \"2023-11-14T22:13:20Z\"")).isTrue();
        // ISO text field against an epoch-millisecond literal
        assertThat(matches("app_lastvisit_ts > 1700000000000")).isTrue();
        assertThat(matches("app_lastvisit_ts < 1700000000000")).isFalse();
        // a java.time.Instant field against text and epoch literals
        assertThat(matches("last_purchase > \"2026-11-01T00:00:00Z\"")).isTrue();
        assertThat(matches("last_purchase < 1700000000000")).isFalse();
        assertThat(matches("last_purchase BETWEEN \"2026-11-20\" AND \"2026-11-21\"")).isTrue();
    }

    @Test
    void aDateLiteralNeverMatchesAFieldThatIsNoDate() {
        assertThat(matches("country > \"2015-01-01T00:00:00Z\"")).isFalse();
        assertThat(matches("country < \"now\"")).isFalse();
    }

    @Test
    void mapAffinitiesReadKeysThroughDots() {
        assertThat(matches("lytics_content.Running > 0.5")).isTrue();
        assertThat(matches("lytics_content.Running > 0.9")).isFalse();
        assertThat(matches("lytics_content.`Credit Cards` >= 0.7")).isFalse();
        assertThat(matches("lytics_content.`Credit Cards` >= \"0.41\"")).isTrue();
        assertThat(matches("scores.momentum > 10")).isTrue();
        assertThat(matches("scores.quantity > 20")).isTrue();
        assertThat(matches("hourly.9 = 3")).isTrue();
        assertThat(matches("hourly.`14` > 7")).isTrue();
        assertThat(matches("lytics_content.Missing > 0")).isFalse();
        assertThat(matches("EXISTS lytics_content.Running")).isTrue();
        assertThat(matches("EXISTS lytics_content.Missing")).isFalse();
    }

    @Test
    void aMapFieldItselfMatchesNoComparisonButInTestsItsKeys() {
        // qlbridge vm/vm.go evalBinary: a map compared with a value cannot be evaluated; IN and
        // INTERSECTS test the map's keys (vm/filterqlvm_test.go: FILTER hits IN ("foo"))
        assertThat(matches("lytics_content > 0")).isFalse();
        assertThat(matches("lytics_content != 0")).isFalse();
        assertThat(matches("NOT lytics_content != 0")).as("unknown stays unknown under NOT").isFalse();
        assertThat(matches("lytics_content NOT IN (1)")).isTrue();
        assertThat(matches("lytics_content IN (\"Running\")")).isTrue();
        assertThat(matches("lytics_content INTERSECTS (\"Cooking\", \"Credit Cards\")")).isTrue();
        assertThat(matches("\"Running\" IN lytics_content")).isTrue();
        assertThat(matches("lytics_content IN (\"0.82\")")).as("values are not keys").isFalse();
        assertThat(matches("EXISTS lytics_content")).isTrue();
    }

    @Test
    void dottedKeysStoredFlatOrInsideOneBacktickedSegmentResolve() {
        assertThat(matches("`actioncounts.Web hit` == 10")).isTrue();
        assertThat(matches("flat.key = \"flat\"")).isTrue();
    }

    @Test
    void listFields() {
        assertThat(matches("segments = \"known_users\"")).as("= on a list is membership").isTrue();
        assertThat(matches("segments = \"vip\"")).isFalse();
        assertThat(matches("segments != \"vip\"")).isTrue();
        assertThat(matches("segments != \"all\"")).isFalse();
        assertThat(matches("channels INTERSECTS (\"sms\", \"email\")")).isTrue();
        assertThat(matches("channels INTERSECTS (\"sms\")")).isFalse();
        assertThat(matches("channels NOT INTERSECTS (\"sms\")")).isTrue();
        assertThat(matches("channels NOT INTERSECTS (\"web\")")).isFalse();
        assertThat(matches("channels IN (\"web\")")).isTrue();
        assertThat(matches("channels CONTAINS \"mai\"")).isTrue();
        assertThat(matches("channels NOT CONTAINS \"mai\"")).isFalse();
        assertThat(matches("_uids LIKE \"u_48*02\"")).isTrue();
    }

    @Test
    void inAgainstAFieldHoldingAList() {
        assertThat(matches("\"known_users\" IN segments")).isTrue();
        assertThat(matches("\"vip\" IN segments")).isFalse();
        assertThat(matches("\"vip\" NOT IN segments")).isTrue();
        assertThat(matches("country IN channels")).isFalse();
        assertThat(matches("channels INTERSECTS segments")).isFalse();
        assertThat(matches("\"x\" IN no_such_list")).isFalse();
        // qlbridge vm/vm.go evalBinary: IN with a missing right side is false, so NOT IN is true
        assertThat(matches("\"x\" NOT IN no_such_list")).isTrue();
        assertThat(matches("absent NOT IN no_such_list")).as("both sides missing: unknown").isFalse();
    }

    @Test
    void missingFieldsAsQlbridgeEvaluatesThem() {
        // qlbridge vm/vm.go evalBinary / walkUnary / walkTernary, and vm/filterqlvm_test.go hits
        // "FILTER first_name != \"Anakin\"" and "FILTER not_a_field NOT IN (\"Yoda\")"
        for (String missing : List.of("absent", "nothing_here")) {
            assertThat(matches(missing + " > 1")).isFalse();
            assertThat(matches(missing + " = 1")).isFalse();
            assertThat(matches(missing + " != 1")).isTrue();
            assertThat(matches(missing + " NOT IN (1)")).isTrue();
            assertThat(matches(missing + " NOT INTERSECTS (1)")).isTrue();
            assertThat(matches(missing + " NOT CONTAINS \"x\"")).isTrue();
            assertThat(matches(missing + " NOT LIKE \"x\"")).isTrue();
            assertThat(matches(missing + " NOT BETWEEN 1 AND 2")).as("BETWEEN on a missing field is unknown").isFalse();
            assertThat(matches("NOT " + missing + " BETWEEN 1 AND 2")).isFalse();
            assertThat(matches("AND (" + missing + " BETWEEN 1 AND 2, visitct > 1)")).isFalse();
            assertThat(matches("OR (" + missing + " BETWEEN 1 AND 2, visitct > 1)")).isTrue();
            assertThat(matches("NOT " + missing)).as("a missing field as a phrase is unknown").isFalse();
            assertThat(matches("NOT " + missing + " IN (1)")).isTrue();
            assertThat(matches("NOT EXISTS " + missing)).isTrue();
            assertThat(matches("EXISTS " + missing)).isFalse();
        }
    }

    @Test
    void emptyTextAndEmptyListsDoNotExist() {
        assertThat(matches("EXISTS empty_text")).isFalse();
        assertThat(matches("EXISTS empty_list")).isFalse();
        assertThat(matches("NOT EXISTS empty_list")).isTrue();
        assertThat(matches("EXISTS email")).isTrue();
    }

    @Test
    void textOperators() {
        assertThat(matches("country = \"US\"")).isTrue();
        assertThat(matches("country = \"us\"")).as("= is case-sensitive").isFalse();
        assertThat(matches("country IN (\"CA\", \"US\")")).isTrue();
        assertThat(matches("country NOT IN (\"CA\", \"US\")")).isFalse();
        assertThat(matches("email LIKE \"*@example.ORG\"")).as("LIKE is case-insensitive").isTrue();
        assertThat(matches("email LIKE \"pat\"")).as("LIKE matches the whole text").isFalse();
        assertThat(matches("email LIKE \"pat*\"")).isTrue();
        assertThat(matches("email NOT LIKE \"*@gmail.com\"")).isTrue();
        assertThat(matches("email CONTAINS \"Example\"")).isTrue();
        assertThat(matches("email CONTAINS \"example\"")).as("CONTAINS is case-sensitive").isFalse();
        assertThat(matches("url LIKE \"*/blog/*\"")).isTrue();
        assertThat(matches("user_id > \"cust-0041\"")).as("non-numeric text orders lexicographically").isTrue();
        assertThat(matches("user_id < \"cust-0041\"")).isFalse();
        assertThat(matches("visitct CONTAINS \"7\"")).as("numbers are searched as text").isTrue();
    }

    @Test
    void bigDecimalAndDoubleNumbers() {
        assertThat(matches("ltv > 1000")).isTrue();
        assertThat(matches("ltv = 1234.5")).isTrue();
        // qlbridge vm/vm.go walkTernary: BETWEEN excludes both ends (av > bv && av < cv)
        assertThat(matches("avg_order BETWEEN 45.5 AND 46")).as("BETWEEN excludes its ends").isFalse();
        assertThat(matches("avg_order BETWEEN 40 AND 45.5")).isFalse();
        assertThat(matches("avg_order BETWEEN 45.4 AND 45.6")).isTrue();
        assertThat(matches("avg_order BETWEEN 45.51 AND 46")).isFalse();
        assertThat(matches("avg_order NOT BETWEEN 46 AND 50")).isTrue();
    }

    @Test
    void functions() {
        assertThat(matches("domain(email) = \"example.org\"")).isTrue();
        // qlbridge expr/builtins/url_email.go domain(): the last two labels of the host
        assertThat(matches("domain(url) == \"example.org\"")).isTrue();
        assertThat(matches("host(url) == \"www.example.org\"")).isTrue();
        assertThat(matches("domain(email) IN (\"gmail.com\")")).isFalse();
        assertThat(matches("domain(absent) = \"example.org\"")).isFalse();
        // Portland city centre is ~1 km from (45.52, -122.68); Seattle is ~230 km away
        assertThat(matches("geodistance(geo, \"45.5152,-122.6784\", 5)")).isTrue();
        assertThat(matches("geodistance(geo, \"47.6062,-122.3321\", 100)")).isFalse();
        assertThat(matches("geodistance(geo, \"47.6062,-122.3321\", 300)")).isTrue();
        assertThat(matches("geodistance(absent, \"47.6062,-122.3321\", 300)")).isFalse();
    }

    @Test
    void timewindowCountsEventsOfTheLastDays() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("pageviews", List.of("2026-11-27T11:00:00Z", "2026-11-26T00:00:00Z", 1_764_000_000_000L,
                Instant.parse("2026-11-21T00:00:00Z"), "2026-11-20T13:00:00Z", "2026-11-01T00:00:00Z"));
        p.put("buckets", Map.of("2026-11-25", 3, "2026-11-26", "2", "2026-10-01", 50));
        Expr five = Trees.parse("timewindow(pageviews, 5, 7)").filter();
        Expr ten = Trees.parse("timewindow(pageviews, 10, 30)").filter();
        Expr buckets = Trees.parse("timewindow(buckets, 5, 7)").filter();
        Expr bucketsTen = Trees.parse("timewindow(buckets, 10, 7)").filter();
        // 1764000000000 ms is 2025-11-24: outside the window
        assertThat(five.test(p, ctx)).as("4 events in the last 7 days").isFalse();
        assertThat(ten.test(p, ctx)).isFalse();
        assertThat(buckets.test(p, ctx)).as("3 + 2 events in the last 7 days").isTrue();
        assertThat(bucketsTen.test(p, ctx)).isFalse();
        assertThat(five.test(p, ctx.at(Instant.parse("2026-11-27T12:30:00Z")))).isFalse();
        p.put("pageviews", List.of("2026-11-27T11:00:00Z", "2026-11-27T10:00:00Z", "2026-11-26T00:00:00Z",
                "2026-11-25T00:00:00Z", "2026-11-24T00:00:00Z"));
        assertThat(five.test(p, ctx)).isTrue();
    }

    @Test
    void realisticSegment() {
        Expr frequentUsVisitors = Trees.parse("""
                FILTER AND (
                    visitct > 5,                                  -- "17" as text
                    country IN ("US", "CA"),
                    OR (lytics_content.Running > 0.5, scores.momentum > 50)
                    is_subscriber = true
                    email NOT LIKE "*@gmail.com",
                    NOT segments INTERSECTS ("churned"),
                ) FROM user ALIAS frequent_us_visitors
                """).filter();
        assertThat(frequentUsVisitors.test(pat, ctx)).isTrue();
        Map<String, Object> other = new LinkedHashMap<>(pat);
        other.put("segments", List.of("all", "churned"));
        assertThat(frequentUsVisitors.test(other, ctx)).isFalse();
        other = new LinkedHashMap<>(pat);
        other.put("visitct", "3");
        assertThat(frequentUsVisitors.test(other, ctx)).isFalse();
    }

    @Test
    void oddValuesNeverThrow() {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("n", Double.NaN);
        odd.put("inf", Double.POSITIVE_INFINITY);
        odd.put("obj", new Object());
        odd.put("arr", new Object[] {"a", null, 3});
        odd.put("date", "2026-02-31T00:00:00Z");
        assertThat(Trees.parse("n > 1").filter().test(odd, ctx)).isFalse();
        assertThat(Trees.parse("inf > 1").filter().test(odd, ctx)).isFalse();
        assertThat(Trees.parse("obj = 1").filter().test(odd, ctx)).isFalse();
        assertThat(Trees.parse("arr = 3").filter().test(odd, ctx)).isTrue();
        assertThat(Trees.parse("date > \"2020-01-01\"").filter().test(odd, ctx)).isFalse();
    }

    @Test
    void testRejectsNullArgumentsByName() {
        Expr e = Trees.parse("x = 1").filter();
        assertThatNullPointerException().isThrownBy(() -> e.test(null, ctx)).withMessage("profile");
        assertThatNullPointerException().isThrownBy(() -> e.test(pat, null)).withMessage("ctx");
    }

    @Test
    void singleQuotedFieldsAndSlugsAsLyticsReturnsThem() {
        // go-lytics mock/json/get_segmentml.json: "FILTER AND ( _num_aliases = 1, EXISTS '_uids' ) FROM user ALIAS default_anon_seg"
        String anonymous = "FILTER AND ( _num_aliases = 1, EXISTS '_uids' ) FROM user ALIAS default_anon_seg";
        assertThat(FilterQl.parse(anonymous).filter().test(Map.of("_num_aliases", "1", "_uids", List.of("u_1")), ctx)).isTrue();
        assertThat(FilterQl.parse(anonymous).filter().test(Map.of("_num_aliases", "2", "_uids", List.of("u_1")), ctx)).isFalse();
        assertThat(matches("EXISTS 'no_such_field'")).isFalse();
        assertThat(matches("email LIKE '*@example.org'")).isTrue();
        assertThat(matches("country IN ('CA', 'US')")).isTrue();
        // qlbridge rel/parse_filterql_test.go FilterTests: INCLUDE 'f9f0dc74234af7e86ddeb660c50350e1'
        ctx.segment("f9f0dc74234af7e86ddeb660c50350e1", "FILTER country = 'US'");
        assertThat(matches("INCLUDE 'f9f0dc74234af7e86ddeb660c50350e1'")).isTrue();
    }

    @Test
    void doubledQuotesStandForAQuote() {
        // qlbridge rel/parse_filterql_test.go FilterTests: COMPANY IN ("Toys R"" Us", "Toys R' Us, Inc.")
        Map<String, Object> toys = Map.of("COMPANY", "Toys R\" Us");
        assertThat(FilterQl.parse("FILTER COMPANY IN (\"Toys R\"\" Us\", \"Toys R' Us, Inc.\")").filter().test(toys, ctx)).isTrue();
        assertThat(FilterQl.parse("FILTER COMPANY = 'Toys R\" Us'").filter().test(toys, ctx)).isTrue();
        assertThat(FilterQl.parse("FILTER COMPANY != 'Toys R'' Us'").filter().test(toys, ctx)).isTrue();
    }

    @Test
    void nullComparisonsAsQlbridgeEvaluatesThem() {
        // qlbridge vm/vm.go evalBinary: a text against NULL is equal when empty; a missing field
        // (not evaluable) is != anything, NULL included
        assertThat(matches("email != NULL")).isTrue();
        assertThat(matches("email = NULL")).isFalse();
        assertThat(matches("empty_text = NULL")).isTrue();
        assertThat(matches("empty_text != NULL")).isFalse();
        assertThat(matches("absent = NULL")).isFalse();
        assertThat(matches("absent != NULL")).isTrue();
    }

    @Test
    void fieldsAndLiteralsAsPhrases() {
        // qlbridge FilterQL.md "FILTER NOT foo"; vm/filterqlvm_test.go misses "FILTER OR (false, false, AND (true, false))"
        assertThat(matches("vip")).isTrue();
        assertThat(matches("NOT email_optout")).as("\"f\" reads as false").isTrue();
        assertThat(matches("NOT is_subscriber")).as("\"t\" reads as true").isFalse();
        assertThat(matches("NOT absent")).as("missing: unknown").isFalse();
        assertThat(matches("NOT country")).as("not a boolean: unknown").isFalse();
        assertThat(matches("OR (false, true)")).isTrue();
        assertThat(matches("AND (true, NOT false)")).isTrue();
    }

    @Test
    void literalOnTheLeftOfAComparison() {
        // qlbridge vm/filterqlvm_test.go hits: FILTER "Yoda" == name (reverse order of identity/value)
        assertThat(matches("\"now-1d\" > last_purchase")).as("last_purchase is 7 days ago").isTrue();
        assertThat(matches("\"now-30d\" > last_purchase")).isFalse();
        assertThat(matches("5 < visitct")).isTrue();
        assertThat(matches("\"US\" = country")).isTrue();
        assertThat(Trees.parse("5 < visitct").toQl()).isEqualTo("FILTER visitct > 5 FROM user");
    }
}
