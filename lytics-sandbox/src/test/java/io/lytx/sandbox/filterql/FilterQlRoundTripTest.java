package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterQlRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "visitct > 5",
        "x == 1",
        "x != -2.50",
        "x >= 1e3",
        "ts < 1393468620175",
        "flag = true",
        "name = \"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007\"",
        "lytics_content.`Credit Cards` >= 0.7",
        "`oldestevents`.`has.period` < \"2015-05-04T12:00:00Z\"",
        "`actioncounts.Web hit` == 10",
        "`we\\`ird` = 1",
        "`from` = 1",
        "`match_all` = 1",
        "scores.`and` = 1",
        "hourly.9 > 2",
        "country NOT IN (\"US\", \"CA\",)",
        "\"abc\" IN tags",
        "x IN other.field",
        "tags NOT INTERSECTS (\"a\")",
        "url NOT CONTAINS \"/blog/\"",
        "email NOT LIKE \"*@Gmail.com\"",
        "age NOT BETWEEN 18 AND \"65\"",
        "last_visit BETWEEN \"now-30d\" AND \"now+2d\"",
        "NOT EXISTS email",
        "NOT INCLUDE `odd-slug`",
        "INCLUDE \"from\"",
        "*",
        "match_all",
        "NOT NOT (x = 1)",
        "AND (a = 1\n b = 2, OR (c = 3, NOT d = 4,), AND (*))",
        "domain(email) = \"gmail.com\"",
        "DOMAIN(email) NOT IN (\"a.com\")",
        "geodistance(geo, \"45.52,-122.68\", 25)",
        "timewindow(visits, 5, 7)",
        "INCLUDE 3f2a9c0e5b7d4e1f8a6b2c3d4e5f6a7b",
        "`9am` = 1",
    })
    void toQlReparsesToAnEqualTreeAndIsStable(String text) {
        Expr parsed = Trees.parse(text).filter();
        String canonical = parsed.toQl();
        Expr reparsed = Trees.parse(canonical).filter();
        assertThat(reparsed).as("reparse of %s", canonical).isEqualTo(parsed);
        assertThat(reparsed.toQl()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "x == 1                                   | x = 1",
        "filter and(a>1,b<2,)                     | AND (a > 1, b < 2)",
        "x not in (\"a\" , 1 , TRUE)              | x NOT IN (\"a\", 1, true)",
        "x = 1e3                                  | x = 1000",
        "lytics_content.`Credit Cards` >= 0.70    | lytics_content.`Credit Cards` >= 0.70",
        "`and` = 1                                | `and` = 1",
        "`a.b` = 1                                | `a.b` = 1",
        "`a b`.c = 1                              | `a b`.c = 1",
        "Not Exists email                         | NOT EXISTS email",
        "( ( x = 1 ) )                            | x = 1",
        "match_all                                | *",
        "TimeWindow(v, 5, 7)                      | timewindow(v, 5, 7)",
    })
    void canonicalText(String text, String expected) {
        assertThat(Trees.parse(text).filter().toQl()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "FILTER AND (visitct > 5, lastvisit_ts > \"now-30d\") FROM user ALIAS frequent_visitors",
        "x = 1",
        "FILTER * FROM content WITH name = \"All \\\"content\\\"\"",
        "FILTER EXISTS email ALIAS `with`",
    })
    void wholeStatementRoundTrips(String text) {
        ParsedSegment parsed = Trees.parse(text);
        assertThat(Trees.parse(parsed.toQl())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x = 1                                           | FILTER x = 1 FROM user",
        "FILTER * FROM content WITH name = \"All\" ALIAS all | FILTER * FROM content WITH name = \"All\" ALIAS all",
    })
    void canonicalStatement(String text, String expected) {
        assertThat(Trees.parse(text).toQl()).isEqualTo(expected);
    }
}
