package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each test names the bad input and states where the error must point (0-based position, 1-based
 * line and column) and what the message must say.
 */
class FilterQlSyntaxErrorTest {

    private static FilterQlSyntaxException failure(String text) {
        FilterQlSyntaxException e = catchThrowableOfType(FilterQlSyntaxException.class, () -> FilterQl.parse(text));
        assertThat(e).as("parsing %s must fail", text).isNotNull();
        return e;
    }

    /**
     * Parses {@code phrase} as the statement {@code FILTER phrase} (as is when it starts with
     * {@code FILTER}); {@code position}, {@code line} and {@code column} are given within the phrase
     * and shifted by the added {@code "FILTER "} when it is on the first line.
     */
    private static void assertError(String phrase, int position, int line, int column, String reason) {
        String text = Trees.statement(phrase);
        int shift = text.length() - phrase.length();
        FilterQlSyntaxException e = failure(text);
        int expectedColumn = line == 1 ? column + shift : column;
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.position()).as("position").isEqualTo(position + shift);
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(expectedColumn);
        assertThat(e.getMessage()).isEqualTo(reason + " at line " + line + ", column " + expectedColumn);
    }

    private static void assertStatementError(String text, int position, int line, int column, String reason) {
        FilterQlSyntaxException e = failure(text);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.position()).as("position").isEqualTo(position);
        assertThat(e.line()).as("line").isEqualTo(line);
        assertThat(e.column()).as("column").isEqualTo(column);
    }

    @Test
    void emptyInputPointsAtTheStart() {
        // input: "" -> nothing to parse, error at offset 0
        assertStatementError("", 0, 1, 1,
                "empty filter: expected FILTER and a phrase (a comparison, EXISTS, INCLUDE, AND, OR, NOT or *)");
    }

    @Test
    void onlyACommentIsEmptyToo() {
        // input: a comment line and a line break -> error at the end, on line 2
        assertStatementError("-- nothing here\n", 16, 2, 1,
                "empty filter: expected FILTER and a phrase (a comparison, EXISTS, INCLUDE, AND, OR, NOT or *)");
    }

    @Test
    void aStatementWithoutFilterIsRefusedAsLyticsDoes() {
        // input: "* FROM content" -> qlbridge rel/parse_filterql.go parseSelectStart accepts only FILTER or
        // SELECT first ("Unrecognized Filter Statement", as in go-lytics mock/json/post_segment_validate_error.json)
        assertStatementError("* FROM content", 0, 1, 1,
                "expected FILTER at the start of the statement but found '*' (Lytics refuses a segment without it: "
                        + "\"Unrecognized Filter Statement\")");
    }

    @Test
    void filterKeywordAloneLacksAPhrase() {
        assertError("FILTER", 6, 1, 7,
                "expected a phrase (a comparison, EXISTS, INCLUDE, AND, OR, NOT or *) but found end of input");
    }

    @Test
    void unclosedAndOnTheSecondLinePointsAtTheEndOfInput() {
        // input: AND( on line 1, last child on line 2, no ')' -> error right after "b < 2"
        assertError("AND (a > 1,\n  b < 2", 19, 2, 8, "expected ',' or ')' but found end of input");
    }

    @Test
    void unclosedParenthesis() {
        assertError("(a > 1", 6, 1, 7, "expected ')' but found end of input");
    }

    @Test
    void extraClosingParenthesisIsTrailingGarbage() {
        assertError("AND (a > 1))", 11, 1, 12,
                "expected FROM, WITH, ALIAS or end of input after the filter but found ')'");
    }

    @Test
    void trailingWordIsReported() {
        assertError("x > 1 garbage", 6, 1, 7,
                "expected FROM, WITH, ALIAS or end of input after the filter but found 'garbage'");
    }

    @Test
    void twoTopLevelPhrasesNeedAnAnd() {
        assertError("x > 1, y > 2", 5, 1, 6,
                "expected FROM, WITH, ALIAS or end of input after the filter but found ','");
    }

    @Test
    void phrasesOnOneLineNeedACommaBetweenThem() {
        // input: two comparisons on the same line inside AND, no comma -> error at 'b'
        assertError("AND (a = 1 b = 2)", 11, 1, 12, "expected ',' or ')' but found 'b'");
    }

    @Test
    void theOtherWordDoesNotSeparateAGroup() {
        // input: OR used infix inside AND ( ... ) -> not a separator there, error at 'OR'
        assertError("AND (a = 1 OR b = 2)", 11, 1, 12, "expected ',' or ')' but found 'OR'");
    }

    @Test
    void emptyGroupIsRejected() {
        assertError("AND ()", 5, 1, 6, "expected a phrase inside AND ( ... ) but found ')'");
    }

    @Test
    void andWithoutParenthesis() {
        assertError("AND x", 4, 1, 5, "expected '(' after AND but found 'x'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=>", "<>", "=<", "!", "==="})
    void unknownOperatorIsNamed(String operator) {
        // input: visits <operator> 5 -> the operator at offset 7 is reported by its text
        assertError("visits " + operator + " 5", 7, 1, 8,
                "unknown operator '" + operator + "' (expected =, ==, !=, >, >=, <, <=)");
    }

    @Test
    void unknownWordOperator() {
        assertError("visits IS 5", 7, 1, 8,
                "expected an operator (=, !=, >, >=, <, <=, IN, INTERSECTS, CONTAINS, LIKE, BETWEEN) after 'visits' but found 'IS'");
    }

    @Test
    void strayCharacter() {
        assertError("visits ~ 5", 7, 1, 8, "unexpected character '~'");
    }

    @Test
    void unterminatedStringPointsAtItsOpeningQuote() {
        // input: the string opened on line 3 never closes -> error at the opening quote (line 3, column 7)
        assertError("AND (\n  x = 1,\n  y = \"unterminated\n)", 21, 3, 7, "unterminated string (no closing '\"')");
    }

    @Test
    void invalidEscapes() {
        assertError("x = \"a\\qb\"", 6, 1, 7,
                "invalid escape '\\q' in string (allowed: \\\" \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX)");
        assertError("x = \"\\u12\"", 5, 1, 6, "invalid unicode escape (expected \\u and 4 hex digits)");
    }

    @Test
    void unterminatedBacktick() {
        assertError("`abc = 1", 0, 1, 1, "unterminated quoted identifier (no closing '`')");
    }

    @Test
    void badDateMathUnitPointsAtTheUnit() {
        // input: "now-7x" -> 'x' is not one of y M w d h m s; it sits at offset 19
        assertError("last_visit > \"now-7x\"", 19, 1, 20,
                "unknown date math unit 'x' in \"now-7x\" (expected y, M, w, d, h, m or s)");
    }

    @Test
    void dateMathWithoutAmountOrUnit() {
        assertError("AND (\n  last_visit > \"now-\"\n)", 26, 2, 21, "expected a number after '-' in date math \"now-\"");
        assertError("x > \"now-3\"", 10, 1, 11,
                "expected a unit (y, M, w, d, h, m, s) after the amount in date math \"now-3\"");
        assertError("x > \"now/d\"", 8, 1, 9, "date math rounding ('/') is not supported in \"now/d\"");
        assertError("x > \"now-1234567890d\"", 9, 1, 10,
                "date math amount has more than 9 digits in \"now-1234567890d\"");
    }

    @Test
    void notMustBeFollowedByAKeywordOperatorInInfixPosition() {
        assertError("x NOT = 1", 6, 1, 7, "expected IN, INTERSECTS, CONTAINS, LIKE or BETWEEN after NOT but found '='");
    }

    @Test
    void listsMustBeWellFormed() {
        assertError("x IN ()", 6, 1, 7,
                "expected a literal in the list of IN (a \"string\", a number, true, false or NULL) but found ')'");
        assertError("x IN (1 2)", 8, 1, 9, "expected ',' or ')' in the list of IN but found '2'");
    }

    @Test
    void operandsMustBeLiterals() {
        assertError("x = y", 4, 1, 5,
                "comparing 'x' with another field or call 'y' is not supported by the sandbox (compare with a literal)");
        assertError("x LIKE 5", 7, 1, 8, "expected a quoted pattern after LIKE but found '5'");
        assertError("x BETWEEN 1 2", 12, 1, 13, "expected AND between the two bounds of BETWEEN but found '2'");
        assertError("\"abc\" CONTAINS x", 6, 1, 7, "expected IN or a comparison after the literal '\"abc\"' "
                + "(only IN and comparisons may have a literal on their left) but found 'CONTAINS'");
        assertError("\"abc\" = \"abc\"", 8, 1, 9, "expected a field or a call after '\"abc\"' = "
                + "(comparing two literals is not supported by the sandbox) but found '\"abc\"'");
    }

    @Test
    void keywordAsBareFieldNameSuggestsBackticks() {
        assertError("in = 1", 0, 1, 1, "expected a phrase but found the keyword 'in' (write a field of that name in backticks: `in`)");
    }

    @Test
    void missingNamesAfterKeywords() {
        assertError("EXISTS", 6, 1, 7, "expected a field name after EXISTS but found end of input");
        assertError("INCLUDE", 7, 1, 8, "expected a segment slug after INCLUDE but found end of input");
        assertError("x = 1 FROM", 10, 1, 11, "expected a table name after FROM but found end of input");
        assertError("scores. = 1", 7, 1, 8, "expected a field name after '.' but found ' '");
    }

    @Test
    void clausesAtMostOnce() {
        assertError("x = 1 ALIAS a ALIAS b", 14, 1, 15, "ALIAS given twice");
        assertError("x = 1 WITH nam \"x\"", 15, 1, 16, "expected '=' after the property 'nam' but found '\"x\"'");
    }

    @Test
    void functionsAreCheckedWhenParsed() {
        assertError("foo(x)", 0, 1, 1, "unknown function 'foo' (supported: " + Builtins.names() + ")");
        assertError("hash.md5(x) = \"a\"", 0, 1, 1,
                "function 'hash.md5' (a qlbridge builtin) is not supported by the sandbox (supported: " + Builtins.names() + ")");
        assertError("tolower(a, b) = \"x\"", 0, 1, 1, "tolower takes 1 argument but was given 2");
        assertError("todate(\"Apr 7, 2014\") > \"now\"", 0, 1, 1, "todate cannot read \"Apr 7, 2014\" as a date "
                + "(the sandbox reads ISO-8601, MM/dd/yyyy, epoch milliseconds and \"now-...\" date math)");
        assertError("geodistance(geo, \"abc\", 1)", 0, 1, 1,
                "geodistance point \"abc\" is not \"lat,lon\" with -90 <= lat <= 90, -180 <= lon <= 180");
        assertError("AND (x = 1, timewindow(v, 3, 7))", 12, 1, 13, "timewindow count must be one of 1, 5, 10, 25, 50, 100");
        assertError("timewindow(v, 5, 14)", 0, 1, 1, "timewindow days must be 7 or 30");
        assertError("domain(email) IS 5", 14, 1, 15,
                "expected an operator (=, !=, >, >=, <, <=, IN, INTERSECTS, CONTAINS, LIKE, BETWEEN) after 'domain' but found 'IS'");
    }

    @Test
    void numberGluedToLettersIsNotALiteral() {
        // input: x = 5d (a unit without date math quotes) -> one word '5d', not a literal
        assertError("x = 5d", 4, 1, 5,
                "comparing 'x' with another field or call '5d' is not supported by the sandbox (compare with a literal)");
    }

    @Test
    void absurdNumbersAreRefused() {
        assertError("x = 1e99999", 4, 1, 5, "number '1e99999' is out of range");
    }

    @Test
    void crLfCountsAsOneLineBreak() {
        assertError("AND (\r\n  a = 1\r\n  b = )", 22, 3, 7,
                "expected a literal after = (a \"string\", a number, true, false or NULL) but found ')'");
    }

    @Test
    void dateLiteralsInAFormTheSandboxDoesNotReadAreRefused() {
        // qlbridge reads dates with a lenient parser (vm/filterqlvm_test.go uses "12/18/2015"); the sandbox
        // reads ISO-8601 and MM/dd/yyyy and refuses other date-like text instead of never matching it
        String reason = "the date '\"%s\"' is in no form the sandbox reads (write ISO-8601 such as \"2015-12-18\" or "
                + "\"2015-12-18T10:00:00Z\", or MM/dd/yyyy such as \"12/18/2015\")";
        assertError("Created > \"18/12/2015\"", 10, 1, 11, String.format(reason, "18/12/2015"));
        assertError("Created > \"2015/12/18\"", 10, 1, 11, String.format(reason, "2015/12/18"));
        assertError("Created BETWEEN \"12-01-2015\" AND \"01/01/2016\"", 16, 1, 17, String.format(reason, "12-01-2015"));
        assertThat(Trees.parse("Created > \"12/18/2015\"")).isNotNull();
        assertThat(Trees.parse("app_version = \"10.0.1\"")).as("not a date").isNotNull();
    }

    @Test
    void selectLimitAndSecondStatementsAreRefusedByName() {
        assertStatementError("SELECT a FROM user FILTER x > 1", 0, 1, 1,
                "SELECT ... FILTER statements are not supported by the sandbox; a segment is FILTER <phrase>");
        assertError("x > 1 LIMIT 100", 6, 1, 7, "LIMIT is not supported by the sandbox (a segment has no limit)");
        assertError("x > 1; FILTER y > 2", 7, 1, 8,
                "expected end of input after ';' (the sandbox takes one statement at a time)");
    }

    @Test
    void clausesGoInQlbridgesOrder() {
        // qlbridge rel/parse_filterql.go parseFilter reads FROM, LIMIT, WITH, ALIAS in this order, then the end
        assertError("* ALIAS a FROM user", 10, 1, 11, "FROM comes too late: the clauses go in the order FROM, WITH, ALIAS");
        assertError("* ALIAS a WITH name = \"A\"", 10, 1, 11, "WITH comes too late: the clauses go in the order FROM, WITH, ALIAS");
        assertError("* WITH name = \"A\" FROM user", 18, 1, 19, "FROM comes too late: the clauses go in the order FROM, WITH, ALIAS");
    }
}
