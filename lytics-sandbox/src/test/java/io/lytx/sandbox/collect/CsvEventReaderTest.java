package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.sandbox.http.ApiError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvEventReaderTest {

    private static CsvOptions opts(List<String> headers, char delimiter, boolean drop) {
        return new CsvOptions(headers, delimiter, drop, Map.of());
    }

    @Test
    void aHeaderRowNamesTheColumnsAndEmptyValuesAreLeftOut() {
        CsvEventReader.Result r = CsvEventReader.read("email,name,city\na@x.org,Ann,\nb@x.org,\"Bob, Jr.\",Oslo\n",
                opts(List.of(), ',', false));
        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0).fields()).isEqualTo(Map.of("email", "a@x.org", "name", "Ann"));
        assertThat(r.rows().get(0).line()).isEqualTo(2);
        assertThat(r.rows().get(1).fields()).containsEntry("name", "Bob, Jr.").containsEntry("city", "Oslo");
        assertThat(r.rows().get(1).line()).isEqualTo(3);
        assertThat(r.header()).containsExactly("email", "name", "city");
    }

    @Test
    void headersParameterMeansNoHeaderRowAndTabDelimiterWorks() {
        CsvEventReader.Result r = CsvEventReader.read("a@x.org\tAnn\nb@x.org\tBob\n",
                opts(List.of("email", "name"), CsvOptions.delimiterOf("t"), false));
        assertThat(r.rows()).extracting(row -> row.fields().get("name")).containsExactly("Ann", "Bob");
        assertThat(r.rows().get(0).line()).isEqualTo(1);
    }

    @Test
    void aRowWithTooManyFieldsRefusesTheUploadNamingLineAndColumn() {
        // input: line 3 has 3 fields under a 2-column header; the whole upload must be refused
        String body = "email,name\na@x.org,Ann\nb@x.org,Bob,extra\nc@x.org,Cy\n";
        assertThatThrownBy(() -> CsvEventReader.read(body, opts(List.of(), ',', false)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("line 3, column 3").contains("expected 2 fields but found 3");
                });
    }

    @Test
    void brokenQuotingRefusesTheUploadNamingLineAndColumn() {
        // input: line 3 closes a quoted field and continues with x before the delimiter
        String body = "email,name\na@x.org,Ann\nb@x.org,\"Bob\"x\n";
        assertThatThrownBy(() -> CsvEventReader.read(body, opts(List.of(), ',', false)))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("CSV error at line 3, column ")
                            .containsIgnoringCase("invalid char");
                });
    }

    @Test
    void dropErrorsSkipsBadRowsAndResumesOnTheNextLine() {
        String body = "email,name\na@x.org,Ann\nb@x.org,Bob,extra\nc@x.org,\"Cy\"x\nd@x.org,Di\n";
        CsvEventReader.Result r = CsvEventReader.read(body, opts(List.of(), ',', true));
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(r.rows()).extracting(row -> row.fields().get("email")).containsExactly("a@x.org", "d@x.org");
        assertThat(r.rows().get(1).line()).isEqualTo(5);
    }

    @Test
    void appendedFieldsAreAddedToEveryRowWithoutOverridingColumns() {
        CsvEventReader.Result r = CsvEventReader.read("email,src\na@x.org,file\n",
                new CsvOptions(List.of(), ',', false, Map.of("src", "append", "campaign", "spring")));
        assertThat(r.rows().get(0).fields()).containsEntry("src", "file").containsEntry("campaign", "spring");
    }

    @Test
    void anEmptyBodyWithoutHeadersIsRefused() {
        assertThatThrownBy(() -> CsvEventReader.read("", opts(List.of(), ',', false)))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("line 1"));
    }

    @Test
    void delimiterParameterAcceptsTabNamesAndSingleCharactersOnly() {
        assertThat(CsvOptions.delimiterOf(null)).isEqualTo(',');
        assertThat(CsvOptions.delimiterOf("t")).isEqualTo('\t');
        assertThat(CsvOptions.delimiterOf("|")).isEqualTo('|');
        assertThatThrownBy(() -> CsvOptions.delimiterOf("||")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStreamedBodyWithQuotedLineBreaksAndCrlfKeepsLineNumbers() {
        // input: CRLF line ends; line 2's quoted field spans two lines (RFC 4180), so the next row is line 4
        String body = "email,note\r\na@x.org,\"two\r\nlines\"\r\nb@x.org,\"say \"\"hi\"\"\"\r\n";
        List<CsvRow> rows = new java.util.ArrayList<>();
        CsvEventReader.Summary s = CsvEventReader.read(new java.io.StringReader(body), opts(List.of(), ',', false), rows::add);
        assertThat(s.rows()).isEqualTo(2);
        assertThat(rows.get(0).fields()).containsEntry("note", "two\nlines");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).fields()).containsEntry("note", "say \"hi\"");
    }

    @Test
    void aRecordOver16KbIsSkippedWithDropErrorsAndReadingResumesAfterIt() {
        // input: line 3 opens a quote it never closes within 20 KB; droperrors must skip it and resume
        String body = "email,note\na@x.org,ok\nb@x.org,\"" + "x".repeat(20_000) + "\nc@x.org,ok\n";
        CsvEventReader.Result r = CsvEventReader.read(body, opts(List.of(), ',', true));
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rows()).extracting(row -> row.fields().get("email")).containsExactly("a@x.org", "c@x.org");
    }
}
