package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FilterQL as Lytics and qlbridge (the open-source parser FilterQL comes from) write it: each row is
 * an expression re-typed from a published source, with the parse result that source gives and, where
 * the source gives one, the membership of a given entity. The sandbox must agree, or refuse with a
 * message naming what it does not support ({@link Outcome#REFUSED}); it must never accept a filter
 * and then ignore part of it.
 *
 * <p>Sources (each row names its file and test or line):
 * <ul>
 *   <li>{@code araddon/qlbridge}: {@code FilterQL.md}; {@code rel/parse_filterql_test.go} (the
 *       {@code FilterTests} list and the named tests); {@code rel/parse_filterql.go};
 *       {@code vm/filterqlvm_test.go} ({@code TestFilterQlVm} hits and misses, {@code TestInclude});
 *       {@code vm/vm_test.go}; {@code expr/builtins/builtins_test.go} and the examples in the doc
 *       comments of {@code expr/builtins/*.go}.</li>
 *   <li>{@code lytics/go-lytics}: the {@code segment_ql} of {@code mock/json/get_segmentml.json},
 *       {@code get_segmentml_models.json}, {@code get_content_segments.json},
 *       {@code post_segment_create.json}, and {@code post_segment_validate_error.json}.</li>
 *   <li>{@code lytics/agent-skills}: {@code references/filterql-grammar.md}.</li>
 * </ul>
 */
class FilterQlCorpusTest {

    /** What the source says about parsing the row. */
    enum Outcome {
        /** The source parses it; the sandbox must too. */
        VALID,
        /** The source refuses it; the sandbox must too. */
        INVALID,
        /** The source parses it; the sandbox refuses it with a message naming the construct. */
        REFUSED
    }

    /**
     * One corpus row.
     *
     * @param source   where the expression comes from (repository, file, test or line)
     * @param ql       the expression, re-typed
     * @param outcome  the expected parse result
     * @param names    for {@link Outcome#REFUSED}: text the error message must contain
     * @param entity   the entity to evaluate against, or null
     * @param member   the membership the source expects for {@code entity}, or null
     */
    record Row(String source, String ql, Outcome outcome, String names, String entity, Boolean member) {
        @Override
        public String toString() {
            return source + ": " + ql.strip().replaceAll("\\s+", " ");
        }
    }

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static final String VM = "qlbridge vm/filterqlvm_test.go TestFilterQlVm";
    private static final String PARSE = "qlbridge rel/parse_filterql_test.go";
    private static final String BUILTINS = "qlbridge expr/builtins/builtins_test.go builtinTests";
    private static final String SKILLS = "lytics/agent-skills references/filterql-grammar.md";
    private static final String MD = "qlbridge FilterQL.md";

    /**
     * The entities the sources evaluate against, as profile maps. qlbridge reads struct fields
     * case-insensitively; profile keys are case-sensitive, so {@code yoda} carries the spellings the
     * queries use ({@code BankAmount} and {@code bankamount}).
     */
    private static Map<String, Map<String, Object>> entities() {
        Instant t1 = Instant.parse("2015-12-18T00:00:00Z"); // dateparse.ParseAny("12/18/2015")
        Map<String, Object> yoda = new LinkedHashMap<>();
        yoda.put("name", "Yoda");
        yoda.put("Created", t1);
        yoda.put("Updated", NOW.minusSeconds(3600));
        yoda.put("Authenticated", true);
        yoda.put("Address", Map.of("City", "Detroit", "Zip", 55L));
        yoda.put("roles", List.of("admin", "api"));
        yoda.put("BankAmount", 55.5d);
        yoda.put("bankamount", 55.5d);
        yoda.put("hits", Map.of("foo", 5L));
        yoda.put("FirstEvent", Map.of("signedup", t1));
        yoda.put("FullName", "Yoda, Jedi"); // the struct's FullName() method
        yoda.put("city", "Peoria, IL");
        yoda.put("zip", 5L);
        yoda.put("lastevent", Map.of("signedup", t1));
        yoda.put("last.event", Map.of("has.period", t1));

        Map<String, Object> vmMsg = new LinkedHashMap<>(); // vm/vm_test.go msgContext
        vmMsg.put("int5", 5L);
        vmMsg.put("str5", "5");
        vmMsg.put("bvalt", true);
        vmMsg.put("bvalf", false);
        vmMsg.put("user_id", "abc");
        vmMsg.put("urls", List.of("abc", "123"));
        vmMsg.put("hits", Map.of("google.com", 5L, "bing.com", 1L));

        Map<String, Object> builtins = new LinkedHashMap<>(); // builtins_test.go readContext
        builtins.put("event", "hello");
        builtins.put("reg_date", "10/13/2014");
        builtins.put("price", "$55");
        builtins.put("email", "email@email.com");
        builtins.put("url", "http://www.site.com/membership/all.html");
        builtins.put("score_amount", "22");
        builtins.put("tag_name", "bob");

        Map<String, Object> listMap = new LinkedHashMap<>(); // expr/builtins/list_map.go doc comments
        listMap.put("items", List.of(1L, 2L, 3L));
        listMap.put("tags", Map.of("1", "news", "2", "sports"));

        return Map.of("yoda", yoda, "vm", vmMsg, "builtins", builtins, "listmap", listMap,
                "e1", Map.of("x", 6L, "y", "1"), "e2", Map.of("x", 4L, "y", "1"));
    }

    private static SettableContext context() {
        return new SettableContext(NOW)
                // vm/filterqlvm_test.go newIncluderCtx
                .segment("match_all_include", "FILTER * ALIAS  match_all_include")
                .segment("is_yoda_true", "FILTER name == \"Yoda\" ALIAS is_yoda_true")
                // vm/filterqlvm_test.go includer.Include("test")
                .segment("test", "FILTER AND (x > 5)");
    }

    static Stream<Row> corpus() {
        List<Row> rows = new ArrayList<>();
        // ---- qlbridge vm/filterqlvm_test.go TestFilterQlVm: hits (each must match Yoda)
        for (String hit : List.of(
                "FILTER name == \"Yoda\"",
                "FILTER name != \"yoda\"",
                "FILTER name = \"Yoda\"",
                "FILTER \"Yoda\" == name",
                "FILTER name != \"Anakin\"",
                "FILTER first_name != \"Anakin\"",
                "FILTER tolower(name) == \"yoda\"",
                "FILTER FullName == \"Yoda, Jedi\"",
                "FILTER Address.City == \"Detroit\"",
                "FILTER name LIKE \"*da\"",
                "FILTER name NOT LIKE \"*kin\"",
                "FILTER name CONTAINS \"od\"",
                "FILTER name NOT CONTAINS \"kin\"",
                "FILTER roles IN (\"user\", \"api\")",
                "FILTER roles INTERSECTS (\"user\", \"api\")",
                "FILTER roles NOT INTERSECTS (\"user\", \"guest\")",
                "FILTER Created BETWEEN \"12/01/2015\" AND \"01/01/2016\"",
                "FILTER Created < \"now-1d\"",
                "FILTER NOT ( Created > \"now-1d\") ",
                "FILTER NOT ( FakeDate > \"now-1d\") ",
                "FILTER Updated > \"now-2h\"",
                "FILTER FirstEvent.signedup < \"now-2h\"",
                "FILTER FirstEvent.signedup == \"12/18/2015\"",
                "FILTER lastevent.signedup < \"now-2h\"",
                "FILTER lastevent.signedup == \"12/18/2015\"",
                "FILTER `lastevent`.`signedup` == \"12/18/2015\"",
                "FILTER `last.event`.`has.period` == \"12/18/2015\"",
                "FILTER hits IN (\"foo\")",
                "FILTER hits NOT IN (\"not-gonna-happen\")",
                "FILTER lastevent IN (\"signedup\")",
                "FILTER lastevent NOT IN (\"not-gonna-happen\")",
                "FILTER *",
                "FILTER OR (\n\t\t\tname == \"Rey\"     -- false \n\t\t\tINCLUDE match_all_include\n\t\t)",
                "FILTER OR (\n\t\t\tname == \"Rey\"     -- false \n\t\t\tINCLUDE is_yoda_true\n\t\t)",
                "FILTER OR (\n\t\t\tEXISTS name,       -- inline comments\n\t\t\tEXISTS not_a_key,  -- more inline comments\n\t\t)",
                "FILTER OR (\n\t\t\tEXISTS name\n\t\t\tEXISTS not_a_key   -- even if they have inline comments\n\t\t)",
                "FILTER AND (name == \"Yoda\", city == \"Peoria, IL\", zip == 5, BankAmount > 50)",
                "FILTER AND (zip == \"5\", BankAmount > \"50\")",
                "FILTER bankamount > \"9.4\"",
                "FILTER AND (zip == 5, \"Yoda\" == name, OR ( city IN ( \"Portland, OR\", \"New York, NY\", \"Peoria, IL\" ) ) )",
                "FILTER OR (\n\t\t\tEXISTS q, \n\t\t\tAND ( \n\t\t\t\tzip > 0, \n\t\t\t\tOR ( zip > 10000, zip < 100 ) \n\t\t\t), \n\t\t\tNOT ( name == \"Yoda\" ) )",
                "FILTER hits.foo > 1.5",
                "FILTER hits.foo > \"1.5\"",
                "FILTER NOT ( hits.foo > 5.5 )",
                "FILTER not_a_field NOT IN (\"Yoda\")")) {
            rows.add(new Row(VM + " hits", hit, Outcome.VALID, null, "yoda", true));
        }
        // ---- TestFilterQlVm: misses (must not match Yoda)
        for (String miss : List.of(
                "FILTER name == \"yoda\"",
                "FILTER OR (false, false, AND (true, false))",
                "FILTER AND (name == \"Yoda\", city == \"xxx\", zip == 5)",
                "FILTER lastevent.signedup > \"now-2h\"",
                "FILTER lastevent.signedup != \"12/18/2015\"")) {
            rows.add(new Row(VM + " misses", miss, Outcome.VALID, null, "yoda", false));
        }
        // ---- vm/filterqlvm_test.go TestInclude
        rows.add(new Row("qlbridge vm/filterqlvm_test.go TestInclude e1", "FILTER AND (x < 9000, INCLUDE test)",
                Outcome.VALID, null, "e1", true));
        rows.add(new Row("qlbridge vm/filterqlvm_test.go TestInclude e2", "FILTER AND (x < 9000, INCLUDE test)",
                Outcome.VALID, null, "e2", false));
        // ---- vm/vm_test.go vmTests (expressions, here as the phrase of a FILTER statement)
        rows.add(new Row("qlbridge vm/vm_test.go \"slices: in map ident\"", "FILTER \"google.com\" IN hits",
                Outcome.VALID, null, "vm", true));
        rows.add(new Row("qlbridge vm/vm_test.go \"slices: not in map ident\"", "FILTER \"com\" IN hits",
                Outcome.VALID, null, "vm", false));
        rows.add(new Row("qlbridge vm/vm_test.go \"slices: in scalar ident\"", "FILTER \"abc\" IN urls",
                Outcome.VALID, null, "vm", true));
        rows.add(new Row("qlbridge vm/vm_test.go \"slices: not in scalar ident\"", "FILTER \"a\" IN urls",
                Outcome.VALID, null, "vm", false));
        rows.add(new Row("qlbridge vm/vm_test.go \"binary string LIKE\"", "FILTER user_id LIKE \"*bc\"",
                Outcome.VALID, null, "vm", true));
        rows.add(new Row("qlbridge vm/vm_test.go \"exists ?\"", "FILTER EXISTS bvalf", Outcome.VALID, null, "vm", true));
        rows.add(new Row("qlbridge vm/vm_test.go \"exists ?\"", "FILTER EXISTS not_a_field", Outcome.VALID, null, "vm", false));
        rows.add(new Row("qlbridge vm/vm_test.go \"binary bool ==\"", "FILTER bvalf == false", Outcome.VALID, null, "vm", true));
        // ---- expr/builtins/builtins_test.go: function value compared with the value the test expects
        for (String call : List.of(
                "FILTER tolower(\"Apple\") == \"apple\"",
                "FILTER len(\"abc\") == 3",
                "FILTER len(split(reg_date,\"/\")) == 3",
                "FILTER contains(url,\"membership/all.html\") == true",
                "FILTER contains(price,\"$\")",
                "FILTER eq(\"hello\", event)",
                "FILTER ne(\"hello\", fakeevent)",
                "FILTER not(eq(5,not_a_field))",
                "FILTER replace(\"M20:30\",\"M\") == \"20:30\"",
                "FILTER join(\"apple\", event, \"oranges\", \"--\") == \"apple--hello--oranges\"",
                "FILTER oneof(not_a_field, email(\"Bob <bob@bob.com>\")) == \"bob@bob.com\"",
                "FILTER email(\"Bob@Bob.com\") == \"bob@bob.com\"",
                "FILTER emailname(\"Bob<bob@bob.com>\") == \"Bob\"",
                "FILTER emaildomain(\"Bob<bob@gmail.com>\") == \"gmail.com\"",
                "FILTER domain(\"https://www.Google.com/search?q=golang\") == \"google.com\"",
                "FILTER host(\"https://www.Google.com/search?q=golang\") == \"www.google.com\"",
                "FILTER path(\"https://www.Google.com/blog/hello.html\") == \"/blog/hello.html\"",
                "FILTER urldecode(\"hello+world\") == \"hello world\"",
                "FILTER qs(\"https://www.Google.com/search?q=golang\",\"q\") == \"golang\"",
                "FILTER toint(\"$5.56\") == 5",
                "FILTER tonumber(\"5,555.00\") == 5555",
                "FILTER yy(\"10/13/2014\") == 14",
                "FILTER mm(reg_date) == 10",
                "FILTER yymm(\"10/13/2014\") == \"1410\"",
                "FILTER exists(event)",
                "FILTER pow(5,2) == 25",
                "FILTER sqrt(25) == 5",
                "FILTER all(\"Apple\",event,true)")) {
            rows.add(new Row(BUILTINS, call, Outcome.VALID, null, "builtins", true));
        }
        for (String call : List.of(
                "FILTER any(notrealfield)",
                "FILTER all(\"Linux\",\"\")",
                "FILTER contains(not_a_field,\"nope\")",
                "FILTER email(\"Bob <bob>\") == \"bob\"")) {
            rows.add(new Row(BUILTINS, call, Outcome.VALID, null, "builtins", false));
        }
        for (String call : List.of(
                "FILTER ge(5,\"3\")",
                "FILTER le(5,\"3\") == false",
                "FILTER lt(5,6)",
                "FILTER gt(5,toint(\"3.5\"))",
                "FILTER exists(toint(price))",
                "FILTER tonumber(\"$ 5.22\") == 5.22",
                "FILTER toint(\"€ 5,555.00\") == 5555",
                "FILTER not(eq(5,len(not_a_field)))",
                "FILTER urldecode(\"https%3A%2F%2Fwww.google.com%2Fsearch%3Fq%3Dgolang\") == \"https://www.google.com/search?q=golang\"",
                "FILTER path(\"www.Google.com/?q=golang\") == \"/\"",
                "FILTER path(\"/home/aaron/vm\") == \"/home/aaron/vm\"",
                "FILTER domains(\"https://www.Google.com/search?q=golang\",\"http://www.ign.com\") INTERSECTS (\"ign.com\")",
                "FILTER oneof(email, email(not_a_field)) IN (\"email@email.com\",\"b\",10, 4.5) ",
                "FILTER oneof(email, email(not_a_field)) NOT IN (\"a\",\"b\",10, 4.5) ")) {
            rows.add(new Row(BUILTINS, call, Outcome.VALID, null, "builtins", true));
        }
        for (String call : List.of(
                "FILTER gt(toint(total_amount),0)",
                "FILTER len(not_a_field) >= 10",
                "FILTER toint(\"hello\") == 0")) {
            rows.add(new Row(BUILTINS, call, Outcome.VALID, null, "builtins", false));
        }
        // ---- the examples in the doc comments of qlbridge expr/builtins/*.go
        for (String[] call : List.of(
                new String[] {"string.go HasPrefix", "FILTER hasprefix(\"apples\",\"ap\")"},
                new String[] {"string.go HasPrefix", "FILTER hasprefix(\"apples\",\"o\") == false"},
                new String[] {"string.go HasSuffix", "FILTER hassuffix(\"apples\",\"es\")"},
                new String[] {"string.go Contains", "FILTER contains(\"alabama\",\"red\") == false"},
                new String[] {"string.go LowerCase", "FILTER string.lowercase(\"HELLO\") == \"hello\""},
                new String[] {"string.go UpperCase", "FILTER string.uppercase(\"hello\") == \"HELLO\""},
                new String[] {"string.go Split", "FILTER split(\"apples,oranges\", \",\") INTERSECTS (\"oranges\")"},
                new String[] {"string.go Strip", "FILTER strip(\"apples \") == \"apples\""},
                new String[] {"string.go Replace", "FILTER replace(\"/blog/index.html\", \"/blog\",\"\") == \"/index.html\""},
                new String[] {"string.go Join", "FILTER join(\"apples\",\"oranges\",\",\") == \"apples,oranges\""},
                new String[] {"time.go Yy", "FILTER yy(\"2014-03-01\") == 14"},
                new String[] {"time.go Mm", "FILTER mm(\"2014-03-17\") == 3"},
                new String[] {"url_email.go Email", "FILTER email(\"Bob <bob@bob.com>\") == \"bob@bob.com\""},
                new String[] {"url_email.go EmailName", "FILTER emailname(\"Bob <bob@bob.com>\") == \"Bob\""},
                new String[] {"url_email.go EmailDomain", "FILTER emaildomain(\"Bob <bob@bob.com>\") == \"bob.com\""},
                new String[] {"url_email.go Domains", "FILTER domains(\"http://www.lytics.io/index.html\") INTERSECTS (\"lytics.io\")"},
                new String[] {"url_email.go Domain", "FILTER domain(\"http://www.lytics.io/index.html\") == \"lytics.io\""},
                new String[] {"url_email.go Host", "FILTER host(\"http://www.lytics.io/index.html\") == \"www.lytics.io\""},
                new String[] {"url_email.go Qs", "FILTER qs(\"http://www.lytics.io/?utm_source=google\",\"utm_source\") == \"google\""},
                new String[] {"list_map.go Length", "FILTER len(items) == 3"},
                new String[] {"list_map.go MapKeys", "FILTER mapkeys(tags) INTERSECTS (\"1\")"},
                new String[] {"list_map.go MapValues", "FILTER mapvalues(tags) INTERSECTS (\"sports\")"})) {
            String entity = call[0].startsWith("list_map") ? "listmap" : "builtins";
            rows.add(new Row("qlbridge expr/builtins/" + call[0] + " doc comment", call[1], Outcome.VALID, null, entity, true));
        }
        rows.add(new Row("qlbridge expr/builtins/time.go YyMm doc comment (a date form the sandbox does not read)",
                "FILTER yymm(\"2016/07/04\") == \"1607\"", Outcome.REFUSED, "\"2016/07/04\"' is in no form the sandbox reads", null, null));
        rows.add(new Row("qlbridge expr/builtins/time.go DayOfWeek doc comment (a date form the sandbox does not read)",
                "FILTER dayofweek(\"2016/07/04\") == 5", Outcome.REFUSED, "\"2016/07/04\"' is in no form the sandbox reads", null, null));
        rows.add(new Row(BUILTINS + " (date the sandbox cannot read)", "FILTER hourofweek(\"Apr 7, 2014 4:58:55 PM\") == 40",
                Outcome.REFUSED, "hourofweek cannot read", null, null));
        rows.add(new Row("qlbridge expr/builtins/builtins.go LoadAllBuiltins", "FILTER useragent(agent) == \"x\"",
                Outcome.REFUSED, "'useragent' (a qlbridge builtin) is not supported", null, null));

        // ---- qlbridge rel/parse_filterql_test.go FilterTests (all parse)
        for (String valid : List.of(
                "FILTER \"bob@gmail.com\" IN (\"hello\",\"world\")",
                "FILTER \"bob@gmail.com\" NOT IN (\"hello\",\"world\")",
                "FILTER \"bob@gmail.com\" IN identityname",
                "FILTER email CONTAINS \"gmail.com\"",
                "FILTER NOT INCLUDE ffe5817811c2270aa5d4aff2d9eafed3",
                "FILTER AND ( NOT news INTERSECTS (\"a\"), domains intersects (\"b\"))",
                "FILTER email INTERSECTS (\"a\", \"b\")",
                "FILTER email NOT INTERSECTS (\"a\", \"b\")",
                "FILTER EXISTS email ALIAS `Has Spaces Alias`",
                "FILTER AND ( NOT INCLUDE abcd, (lastvisit_ts > \"now-1M\") ) FROM user",
                "FILTER COMPANY IN (\"Toys R\"\" Us\", \"Toys R' Us, Inc.\")",
                "FILTER *",
                "\n\tFILTER AND (\n        a IN (\"Analyst\")\n        b IN (\"C-Level Other\")\n        c IN (\"Management\")\n    )\n    FROM x\n    ALIAS abc\n    ",
                "\n\t\tFILTER score > 0\n\t\tWITH\n\t\t\tname = \"My Little Pony\",\n\t\t\tpublic = false,\n\t\t\tkind = \"aspect\"\n\t\tALIAS with_attributes\n\t",
                "\n\t\tFILTER OR ( \n\t\t\tAND (\n\t\t\t\tscore NOT BETWEEN 5 and 10, \n\t\t\t\temail NOT IN (\"abc\") \n\t\t\t),\n\t\t\tNOT date > \"now-3d\"\n\t\t)",
                "FILTER AND ( EXISTS user_id, NOT OR ( user_id like \"a\", user_id like \"b\", user_id like \"c\", user_id like \"d\", user_id like \"e\", user_id like \"f\" ) )",
                "FILTER OR ( AND ( our_names like \"2. has spaces\", our_names like \"1. has more spa'ces\" ), INCLUDE 'f9f0dc74234af7e86ddeb660c50350e1' )",
                "FILTER  AND ( NOT INCLUDE '791734b084019d99c82a475264464304', \n\t\t\tNOT INCLUDE 'd750a11e72b58778e302eb0893788680', NOT INCLUDE '61a624e5ca4153645ddc9e6ebaee8000' )",
                "FILTER AND ( visitct >= \"1\", NOT INCLUDE 3d4240482815b9848caf2e6f )",
                "FILTER AND ( \n\t\t\tAND (\n\t\t\t\tscore NOT BETWEEN 5 and 10, \n\t\t\t\temail NOT IN (\"abc\") \n\t\t\t),\n\t\t\tx > 7\n\t\t)",
                "FILTER AND ( visitct >= \"1\", INCLUDE 3d4240482815b9848caf2e6f )",
                "FILTER x > 7",
                "FILTER AND ( NOT EXISTS email, email NOT IN (\"abc\") )",
                "FILTER AND ( score NOT BETWEEN 5 and 10, email NOT IN (\"abc\") )")) {
            rows.add(new Row(PARSE + " FilterTests", valid, Outcome.VALID, null, null, null));
        }
        rows.add(new Row(PARSE + " FilterTests", "\n\t\tFILTER\n\t\t\tAND (\n\t\t\t\tNAME != NULL\n\t\t\t\t, tostring(fieldname) == \"hello\"\n\t\t\t)\n\n\t\t\tLIMIT 100\n\t",
                Outcome.REFUSED, "LIMIT is not supported", null, null));
        rows.add(new Row(PARSE + " TestFilterQLKeywords", "\n\t  -- Test comment 1\n\t\tFILTER \n\t\t  -- Test comment 2\n\t\t\tAND (\n\t\t\t\tcreated < \"now-24h\",\n\t\t\t\tdeleted == false\n\t\t\t)\n\t\tFROM accounts\n\t\tLIMIT 100\n\t\tALIAS new_accounts\n\t",
                Outcome.REFUSED, "LIMIT is not supported", null, null));
        // ---- other parse tests
        for (String valid : List.of(
                "FILTER NOT AND ( name == \"bob\" ) ALIAS root",
                "FILTER OR ( INCLUDE child_1, INCLUDE child_2 ) ALIAS root",
                "FILTER NOT AND ( name == \"bob\", OR ( NOT INCLUDE filter_xyz , NOT exists abc ) ) ALIAS root",
                "FILTER AND (\n\t\t\t\tINCLUDE child_1, \n\t\t\t\tINCLUDE child_2\n\t\t\t) ALIAS root",
                "FILTER NOT INCLUDE child_1 ALIAS root",
                "\n\t\tFILTER match_all\n\t",
                "\n    FILTER\n      AND (\n          EXISTS datefield\n       )\n\tFROM user\n    ALIAS my_filter_name\n\t",
                "\n\t\tFILTER created > \"now-3d\"\n\t",
                "FILTER visit_ct > 74")) {
            rows.add(new Row(PARSE + " TestFilterQLAstCheck / TestFilterQlFingerPrint", valid, Outcome.VALID, null, null, null));
        }
        rows.add(new Row(PARSE + " TestFilterQLAstCheck", "\n    FILTER\n      AND (\n          -- Lets make sure the date is good\n          daysago(datefield) < 100\n          -- as well as domain\n          , domain(url) == \"google.com\"\n          , INCLUDE my_other_named_filter\n       )\n    ALIAS my_filter_name\n\t",
                Outcome.REFUSED, "unknown function 'daysago'", null, null));
        rows.add(new Row(PARSE + " TestFilterErrMsg", "FILTER * FROM user ALIAS ALIAS stuff", Outcome.INVALID, null, null, null));
        rows.add(new Row(PARSE + " TestFilterQLInvalidCheck",
                "\n\t\tFILTER OR (_uid == \"bob\", email IN (\"steve@steve.com\")))\n\t\tALIAS entity_basic_test\n\t",
                Outcome.INVALID, null, null, null));
        rows.add(new Row(PARSE + " TestFilterSelectParse",
                "SELECT a, b, domain(url) FROM name FILTER email NOT INTERSECTS (\"a\", \"b\") WITH x=\"y\";",
                Outcome.REFUSED, "SELECT", null, null));
        // ---- qlbridge rel/parse_filterql.go parseSelectStart: a statement starts with FILTER (or SELECT);
        //      go-lytics mock/json/post_segment_validate_error.json: "Unrecognized Filter Statement"
        rows.add(new Row("qlbridge rel/parse_filterql.go parseSelectStart", "* FROM content", Outcome.INVALID, null, null, null));
        rows.add(new Row("qlbridge rel/parse_filterql.go parseSelectStart", "email CONTAINS \"@\"", Outcome.INVALID, null, null, null));

        // ---- qlbridge FilterQL.md examples
        for (String valid : List.of(
                "FILTER \"abc\" IN some_identifier",
                "FILTER NOT foo",
                "FILTER AND ( channelsct > 1 AND scores.quantity > 20 ) ALIAS multi_channel_active",
                "FILTER AND (\n   EXISTS email,\n   NOT INCLUDE multi_channel_active\n)",
                "FILTER AND (\n    visits > 5,\n    NOT INCLUDE someotherfilter,\n)",
                "FILTER AND (\n    visits > 5,\n    last_visit >= \"2015-04-01 00:00:00Z\",\n    last_visit <  \"2015-04-02 00:00:00Z\",\n)",
                "FILTER url LIKE \"/blog/\"",
                "FILTER last_visit > \"now-24h\"",
                "FILTER domain(email) == \"gmail.com\"")) {
            rows.add(new Row(MD, valid, Outcome.VALID, null, null, null));
        }
        rows.add(new Row(MD + " (nested example, written after FILTER)",
                "FILTER AND (\n    OR (\n        foo == true\n        bar != 5\n    )\n    EXISTS signup_date\n    OR (\n        NOT bar IN (1, 2, 4, 5)\n        INCLUDE SomeOtherFilter\n    )\n    -- IN for identitier resolves to array\n    bar IN `user_interests`\n)",
                Outcome.VALID, null, null, null));

        // ---- go-lytics captured segment_ql
        rows.add(new Row("go-lytics mock/json/get_segmentml.json source.segment_ql",
                "FILTER AND ( _num_aliases = 1, EXISTS '_uids' ) FROM user ALIAS default_anon_seg", Outcome.VALID, null, null, null));
        rows.add(new Row("go-lytics mock/json/get_segmentml.json target.segment_ql",
                "FILTER AND ( (score_frequency <= \"20\"), (score_intensity >= \"50\") )", Outcome.VALID, null, null, null));
        rows.add(new Row("go-lytics mock/json/get_segmentml_models.json", "FILTER *", Outcome.VALID, null, null, null));
        rows.add(new Row("go-lytics mock/json/get_content_segments.json", "FILTER (created >= \"now-30d\")",
                Outcome.VALID, null, null, null));
        rows.add(new Row("go-lytics mock/json/get_content_segments.json",
                "FILTER AND (path CONTAINS \"blog/post\", global.Marketing > 0)", Outcome.VALID, null, null, null));
        rows.add(new Row("go-lytics mock/json/post_segment_create.json",
                "FILTER AND (created >= \"now-30d\", aspects = \"articles\") FROM content", Outcome.VALID, null, null, null));

        // ---- lytics/agent-skills references/filterql-grammar.md
        for (String valid : List.of(
                "FILTER attributes.cityname = \"Portland\"",
                "FILTER scores.recency > 10",
                "FILTER flags.web_unsubscribe = false",
                "FILTER `actioncounts.Web hit` == 10",
                "FILTER `oldestevents`.`has.period` < \"2015-05-04T12:00:00Z\"",
                "FILTER geodistance(geolocation, \"-30.5,-179.5\", 80.5)",
                "FILTER timewindow(visits, 5, 7)",
                "FILTER country = \"US\" FROM user ALIAS us_users",
                "FILTER AND (\n  country = \"US\",\n  last_purchase > \"now-30d\"\n) FROM user ALIAS recent_us_buyers",
                "FILTER AND (\n  NOT newsletters INTERSECTS (\"Globe Newsletter\"),\n  domains INTERSECTS (\"horizons.globeturnoutgear.com\", \"globecares.com\")\n)",
                "FILTER AND (INCLUDE child_segment_1, INCLUDE child_segment_2) ALIAS combined",
                "FILTER AND (\n  aboutme_handle LIKE \"rsessel\",\n  app_yymm.`1602` IN (\"2\", \"1\", \"6\"),\n  lytics_content.`Text (literary theory)` >= \"0.42\",\n  AND (\n    ly_impressions.`8984a0d225a3c9ad3b87e71cc76b9b93` > \"0\",\n    NOT ly_conversions.`8984a0d225a3c9ad3b87e71cc76b9b93` > \"0\"\n  )\n)",
                "FILTER AND (\n  field1 = \"value\",\n  OR (field2 > 5, field3 < 10),\n  NOT field4 CONTAINS \"x\"\n)",
                "FILTER last_purchase > 1393468620175")) {
            rows.add(new Row(SKILLS, valid, Outcome.VALID, null, null, null));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void sandboxAgreesWithTheSource(Row row) {
        switch (row.outcome()) {
            case VALID -> {
                ParsedSegment parsed = FilterQl.parse(row.ql());
                assertThat(FilterQl.parse(parsed.toQl())).as("canonical text parses back: %s", parsed.toQl())
                        .isEqualTo(parsed);
                if (row.member() != null) {
                    Map<String, Object> entity = entities().get(row.entity());
                    assertThat(parsed.filter().test(entity, context())).as("member of %s", row.entity())
                            .isEqualTo(row.member());
                }
            }
            case INVALID -> assertThatThrownBy(() -> FilterQl.parse(row.ql()))
                    .isInstanceOf(FilterQlSyntaxException.class);
            case REFUSED -> assertThatThrownBy(() -> FilterQl.parse(row.ql()))
                    .isInstanceOf(FilterQlSyntaxException.class)
                    .hasMessageContaining(row.names());
        }
    }
}
