package io.lytx.sandbox.filterql;

import static io.lytx.sandbox.filterql.Trees.and;
import static io.lytx.sandbox.filterql.Trees.bool;
import static io.lytx.sandbox.filterql.Trees.cmp;
import static io.lytx.sandbox.filterql.Trees.field;
import static io.lytx.sandbox.filterql.Trees.filter;
import static io.lytx.sandbox.filterql.Trees.list;
import static io.lytx.sandbox.filterql.Trees.not;
import static io.lytx.sandbox.filterql.Trees.num;
import static io.lytx.sandbox.filterql.Trees.or;
import static io.lytx.sandbox.filterql.Trees.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterQlParserTest {

    @Test
    void everyComparisonOperatorParsesAndDoubleEqualsIsEquals() {
        assertThat(filter("visitct = 5")).isEqualTo(cmp(field("visitct"), "=", num("5")));
        assertThat(filter("visitct == 5")).isEqualTo(cmp(field("visitct"), "=", num("5")));
        assertThat(filter("visitct != 5")).isEqualTo(cmp(field("visitct"), "!=", num("5")));
        assertThat(filter("visitct > 5")).isEqualTo(cmp(field("visitct"), ">", num("5")));
        assertThat(filter("visitct >= 5")).isEqualTo(cmp(field("visitct"), ">=", num("5")));
        assertThat(filter("visitct < -5.25")).isEqualTo(cmp(field("visitct"), "<", num("-5.25")));
        assertThat(filter("visitct<=5")).isEqualTo(cmp(field("visitct"), "<=", num("5")));
    }

    @Test
    void keywordOperatorsAndTheirNegations() {
        assertThat(filter("country IN (\"US\", \"CA\")"))
                .isEqualTo(new InExpr(field("country"), list(str("US"), str("CA")), false));
        assertThat(filter("country NOT IN (\"US\")"))
                .isEqualTo(new InExpr(field("country"), list(str("US")), true));
        assertThat(filter("tags INTERSECTS (\"a\", \"b\")"))
                .isEqualTo(new IntersectsExpr(field("tags"), list(str("a"), str("b")), false));
        assertThat(filter("tags NOT INTERSECTS (\"a\")"))
                .isEqualTo(new IntersectsExpr(field("tags"), list(str("a")), true));
        assertThat(filter("url CONTAINS \"/blog/\""))
                .isEqualTo(new ContainsExpr(field("url"), str("/blog/"), false));
        assertThat(filter("url NOT CONTAINS \"/blog/\""))
                .isEqualTo(new ContainsExpr(field("url"), str("/blog/"), true));
        assertThat(filter("email LIKE \"*@gmail.com\""))
                .isEqualTo(new LikeExpr(field("email"), "*@gmail.com", false));
        assertThat(filter("email NOT LIKE \"*@gmail.com\""))
                .isEqualTo(new LikeExpr(field("email"), "*@gmail.com", true));
        assertThat(filter("age BETWEEN 18 AND 65"))
                .isEqualTo(new BetweenExpr(field("age"), num("18"), num("65"), false));
        assertThat(filter("age NOT BETWEEN 18 AND 65"))
                .isEqualTo(new BetweenExpr(field("age"), num("18"), num("65"), true));
        assertThat(filter("EXISTS email")).isEqualTo(new ExistsExpr(field("email")));
        assertThat(filter("NOT EXISTS email")).isEqualTo(not(new ExistsExpr(field("email"))));
        assertThat(filter("INCLUDE known_users")).isEqualTo(new IncludeExpr("known_users"));
        assertThat(filter("NOT INCLUDE known_users")).isEqualTo(not(new IncludeExpr("known_users")));
    }

    @Test
    void inAcceptsAFieldOnTheRightAndALiteralOnTheLeft() {
        assertThat(filter("city IN all_cities")).isEqualTo(new InExpr(field("city"), field("all_cities"), false));
        assertThat(filter("\"abc\" IN some_identifier"))
                .isEqualTo(new InExpr(str("abc"), field("some_identifier"), false));
        assertThat(filter("bar IN `user_interests`")).isEqualTo(new InExpr(field("bar"), field("user_interests"), false));
    }

    @Test
    void nestedAndOrNotBuildTheExpectedTree() {
        Expr parsed = filter("AND (a > 1, OR (b = \"x\", NOT c < 2), NOT AND (EXISTS d))");
        assertThat(parsed).isEqualTo(and(
                cmp(field("a"), ">", num("1")),
                or(cmp(field("b"), "=", str("x")), not(cmp(field("c"), "<", num("2")))),
                not(and(new ExistsExpr(field("d"))))));
    }

    @Test
    void prefixNotAppliesToTheWholeFollowingExpression() {
        assertThat(filter("NOT field4 CONTAINS \"x\""))
                .isEqualTo(not(new ContainsExpr(field("field4"), str("x"), false)));
        assertThat(filter("NOT NOT x = 1")).isEqualTo(not(not(cmp(field("x"), "=", num("1")))));
        assertThat(filter("NOT (x = 1)")).isEqualTo(not(cmp(field("x"), "=", num("1"))));
    }

    @Test
    void separatorsCommasNewlinesTrailingCommasAndComments() {
        String text = """
                -- frequent visitors from the US
                FILTER AND (
                    visits > 5
                    country = "US",   -- trailing comment after a comma
                    -- a whole comment line
                    last_visit >= "2015-04-01 00:00:00Z",
                    OR (
                        foo == true
                        bar != 5,
                    ),
                )
                """;
        assertThat(filter(text)).isEqualTo(and(
                cmp(field("visits"), ">", num("5")),
                cmp(field("country"), "=", str("US")),
                cmp(field("last_visit"), ">=", str("2015-04-01 00:00:00Z")),
                or(cmp(field("foo"), "=", bool(true)), cmp(field("bar"), "!=", num("5")))));
    }

    @Test
    void theGroupsOwnWordMaySeparateItsChildren() {
        assertThat(filter("FILTER AND ( channelsct > 1 AND scores.quantity > 20 ) ALIAS multi_channel_active"))
                .isEqualTo(and(cmp(field("channelsct"), ">", num("1")), cmp(field("scores", "quantity"), ">", num("20"))));
        assertThat(filter("OR (a = 1 OR b = 2, c = 3)"))
                .isEqualTo(or(cmp(field("a"), "=", num("1")), cmp(field("b"), "=", num("2")), cmp(field("c"), "=", num("3"))));
        assertThat(filter("AND (a = 1 AND OR (b = 2, c = 3))"))
                .isEqualTo(and(cmp(field("a"), "=", num("1")), or(cmp(field("b"), "=", num("2")), cmp(field("c"), "=", num("3")))));
    }

    @Test
    void windowsLineEndingsSeparateLikeNewlines() {
        assertThat(filter("AND (\r\n a = 1\r\n b = 2\r\n)"))
                .isEqualTo(and(cmp(field("a"), "=", num("1")), cmp(field("b"), "=", num("2"))));
    }

    @Test
    void dottedAndBacktickedIdentifiers() {
        assertThat(filter("scores.momentum > 10")).isEqualTo(cmp(field("scores", "momentum"), ">", num("10")));
        assertThat(filter("lytics_content.`Credit Cards` >= 0.7"))
                .isEqualTo(cmp(field("lytics_content", "Credit Cards"), ">=", num("0.7")));
        assertThat(filter("`oldestevents`.`has.period` < \"2015-05-04T12:00:00Z\""))
                .isEqualTo(cmp(field("oldestevents", "has.period"), "<", str("2015-05-04T12:00:00Z")));
        assertThat(filter("app_yymm.`1602` IN (\"2\", \"1\")"))
                .isEqualTo(new InExpr(field("app_yymm", "1602"), list(str("2"), str("1")), false));
        assertThat(filter("hourly.9 > 2")).isEqualTo(cmp(field("hourly", "9"), ">", num("2")));
        assertThat(filter("_uids INTERSECTS (\"u_1\")"))
                .isEqualTo(new IntersectsExpr(field("_uids"), list(str("u_1")), false));
        assertThat(filter("`we\\`ird\\\\key` = 1")).isEqualTo(cmp(field("we`ird\\key"), "=", num("1")));
    }

    @Test
    void backtickedKeywordIsAField() {
        assertThat(filter("`from` = \"x\"")).isEqualTo(cmp(field("from"), "=", str("x")));
        assertThat(filter("`match_all` = 1")).isEqualTo(cmp(field("match_all"), "=", num("1")));
    }

    @Test
    void stringEscapesAreDecoded() {
        assertThat(filter("name = \"say \\\"hi\\\" \\\\ \\/ \\n\\t\\r \\u00e9\""))
                .isEqualTo(cmp(field("name"), "=", str("say \"hi\" \\ / \n\t\r \u00e9")));
    }

    @Test
    void literalKinds() {
        assertThat(filter("x = true")).isEqualTo(cmp(field("x"), "=", bool(true)));
        assertThat(filter("x = FALSE")).isEqualTo(cmp(field("x"), "=", bool(false)));
        assertThat(filter("x = 1e3")).isEqualTo(cmp(field("x"), "=", num("1000")));
        assertThat(filter("x > 1393468620175")).isEqualTo(cmp(field("x"), ">", num("1393468620175")));
        assertThat(filter("x > \"now-7d\"")).isEqualTo(cmp(field("x"), ">", str("now-7d")));
        assertThat(filter("x = \"nowhere\"")).isEqualTo(cmp(field("x"), "=", str("nowhere")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "filter and (exists email, not include vip, x not in (1), y like \"a*\", z between 1 and 2) from user alias s",
        "FILTER AND (EXISTS email, NOT INCLUDE vip, x NOT IN (1), y LIKE \"a*\", z BETWEEN 1 AND 2) FROM user ALIAS s",
        "Filter And (Exists email, Not Include vip, x Not In (1), y Like \"a*\", z Between 1 And 2) From user Alias s"})
    void keywordsAreCaseInsensitive(String text) {
        ParsedSegment parsed = Trees.parse(text);
        assertThat(parsed.filter()).isEqualTo(and(
                new ExistsExpr(field("email")),
                not(new IncludeExpr("vip")),
                new InExpr(field("x"), list(num("1")), true),
                new LikeExpr(field("y"), "a*", false),
                new BetweenExpr(field("z"), num("1"), num("2"), false)));
        assertThat(parsed.alias()).isEqualTo("s");
    }

    @Test
    void fromWithAndAliasClauses() {
        ParsedSegment parsed = Trees.parse(
                "FILTER AND (visitct > 5, lastvisit_ts > \"now-30d\") FROM content WITH name = \"Frequent \\\"Visitors\\\"\" ALIAS frequent_visitors");
        assertThat(parsed.table()).isEqualTo("content");
        assertThat(parsed.name()).isEqualTo("Frequent \"Visitors\"");
        assertThat(parsed.alias()).isEqualTo("frequent_visitors");
    }

    @Test
    void clausesAreOptionalAndTableDefaultsToUser() {
        ParsedSegment parsed = Trees.parse("FILTER EXISTS email");
        assertThat(parsed).isEqualTo(new ParsedSegment(new ExistsExpr(field("email")), "user", null, null));
    }

    @Test
    void clausesInAnyOrderAndExtraWithPropertiesAreAccepted() {
        ParsedSegment parsed = Trees.parse("FILTER * FROM user WITH name = \"All\", description = \"x\" ALIAS all_users");
        assertThat(parsed).isEqualTo(new ParsedSegment(new MatchAllExpr(), "user", "all_users", "All"));
    }

    @Test
    void barePhraseWithoutFilterKeyword() {
        assertThat(Trees.parse("AND (x = 1, y = 2) ALIAS xy"))
                .isEqualTo(new ParsedSegment(and(cmp(field("x"), "=", num("1")), cmp(field("y"), "=", num("2"))),
                        "user", "xy", null));
    }

    @Test
    void matchAllForms() {
        assertThat(filter("*")).isEqualTo(new MatchAllExpr());
        assertThat(filter("FILTER *")).isEqualTo(new MatchAllExpr());
        assertThat(filter("FILTER match_all")).isEqualTo(new MatchAllExpr());
        assertThat(filter("FILTER MATCH_ALL FROM user")).isEqualTo(new MatchAllExpr());
        assertThat(filter("AND (*, match_all)")).isEqualTo(and(new MatchAllExpr(), new MatchAllExpr()));
        assertThat(filter("match_all = 1")).isEqualTo(cmp(field("match_all"), "=", num("1")));
    }

    @Test
    void functions() {
        assertThat(filter("domain(email) == \"gmail.com\""))
                .isEqualTo(cmp(new FunctionCall(Builtins.named("domain"), List.of(field("email"))), "=", str("gmail.com")));
        assertThat(filter("geodistance(geolocation, \"-30.5,-179.5\", 80.5)"))
                .isEqualTo(new ValuePhrase(new FunctionCall(Builtins.named("geodistance"),
                        List.of(field("geolocation"), str("-30.5,-179.5"), num("80.5")))));
        assertThat(filter("TimeWindow(visits, 5, 7)"))
                .isEqualTo(new ValuePhrase(new FunctionCall(Builtins.named("timewindow"),
                        List.of(field("visits"), num("5"), num("7")))));
    }

    @Test
    void includeTakesBareBacktickedOrQuotedSlugs() {
        assertThat(filter("INCLUDE SomeOtherFilter")).isEqualTo(new IncludeExpr("SomeOtherFilter"));
        assertThat(filter("INCLUDE `odd-slug`")).isEqualTo(new IncludeExpr("odd-slug"));
        assertThat(filter("INCLUDE \"odd-slug\"")).isEqualTo(new IncludeExpr("odd-slug"));
    }

    @Test
    void includeAcceptsSegmentIdsThatStartWithADigit() {
        assertThat(filter("INCLUDE 3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b"))
                .isEqualTo(new IncludeExpr("3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b"));
        assertThat(filter("NOT INCLUDE 9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e"))
                .isEqualTo(not(new IncludeExpr("9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e")));
    }

    @Test
    void exponentNumbersAreStillNumbers() {
        assertThat(filter("x = 1e+5")).isEqualTo(cmp(field("x"), "=", num("100000")));
        assertThat(filter("x = 1E5")).isEqualTo(cmp(field("x"), "=", num("100000")));
        assertThat(filter("x = 25e-3")).isEqualTo(cmp(field("x"), "=", num("0.025")));
        assertThat(filter("x IN (1e2, 2)")).isEqualTo(new InExpr(field("x"), list(num("100"), num("2")), false));
    }

    @Test
    void includedSegmentsListsEverySlugOnceInOrder() {
        Expr parsed = filter("OR (INCLUDE a, AND (NOT INCLUDE b, x = 1), INCLUDE a, NOT NOT INCLUDE c)");
        assertThat(parsed.includedSegments()).containsExactly("a", "b", "c");
        assertThat(filter("x = 1").includedSegments()).isEmpty();
    }

    @Test
    void nullTextFailsFastNamingTheParameter() {
        assertThatNullPointerException().isThrownBy(() -> Trees.parse(null)).withMessage("text");
    }

    @Test
    void realWorldSegmentFromTheLyticsGrammarReference() {
        String text = """
                FILTER AND (
                  aboutme_handle LIKE "rsessel",
                  app_yymm.`1602` IN ("2", "1", "6"),
                  lytics_content.`Text (literary theory)` >= "0.42",
                  AND (
                    ly_impressions.`8984a0d225a3c9ad3b87e71cc76b9b93` > "0",
                    NOT ly_conversions.`8984a0d225a3c9ad3b87e71cc76b9b93` > "0"
                  )
                ) FROM user ALIAS literary
                """;
        ParsedSegment parsed = Trees.parse(text);
        assertThat(parsed.alias()).isEqualTo("literary");
        assertThat(parsed.filter()).isInstanceOf(AndExpr.class);
        assertThat(((AndExpr) parsed.filter()).children()).hasSize(4);
        assertThat(((AndExpr) parsed.filter()).children().get(2))
                .isEqualTo(cmp(field("lytics_content", "Text (literary theory)"), ">=", str("0.42")));
    }
}
