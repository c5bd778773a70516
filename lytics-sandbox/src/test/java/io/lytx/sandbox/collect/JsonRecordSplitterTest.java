package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.sandbox.http.ApiError;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordSplitterTest {

    /** A reader that hands out its text a few characters at a time (1 to 7), sometimes none, as a socket may. */
    private static final class TrickleReader extends Reader {
        private final Reader text;
        private int call;

        TrickleReader(String text) {
            this.text = new StringReader(text);
        }

        @Override
        public int read(char[] buf, int off, int len) throws java.io.IOException {
            call++;
            if (call % 5 == 0) {
                return 0;
            }
            return text.read(buf, off, Math.min(len, call % 7 + 1));
        }

        @Override
        public void close() {
        }
    }

    /** One record per line of an array, each with non-ASCII text, ~20 KB in all: several read-ahead chunks. */
    private static String array(List<String> records) {
        for (int i = 0; i < 400; i++) {
            records.add("{\"_uid\":\"v" + i + "\",\"name\":\"Zoë 🎉 " + "x".repeat(i % 40) + "\"}");
        }
        return "[\n" + String.join(",\n", records) + "\n]";
    }

    @Test
    void recordsPositionsAndSizesDoNotDependOnHowTheReaderCutsTheText() {
        // input: a 400-record array over 8 K characters, read whole and read in pieces of 1..7 characters;
        // each record must come back with its own text, its line (i + 2) and column 1, and its UTF-8 size
        List<String> expected = new ArrayList<>();
        String body = array(expected);
        assertThat(body.length()).isGreaterThan(2 * 8 * 1024);
        for (Reader in : List.of(new StringReader(body), new TrickleReader(body))) {
            JsonRecordSplitter splitter = new JsonRecordSplitter(in, RecordLimits.IN_BATCH_BYTES);
            List<JsonRecordSplitter.Record> got = new ArrayList<>();
            for (JsonRecordSplitter.Record r = splitter.next(); r != null; r = splitter.next()) {
                got.add(r);
            }
            assertThat(splitter.isArray()).isTrue();
            assertThat(got).extracting(JsonRecordSplitter.Record::text).containsExactlyElementsOf(expected);
            for (int i = 0; i < got.size(); i++) {
                assertThat(got.get(i).line()).isEqualTo(i + 2);
                assertThat(got.get(i).column()).isEqualTo(1);
                assertThat(got.get(i).bytes()).isEqualTo(expected.get(i).getBytes(StandardCharsets.UTF_8).length);
            }
        }
    }

    @Test
    void aMissingCommaPastTheFirstChunkIsReportedAtItsLineAndColumn() {
        // input: the same array with the comma after element 300 removed (well past the first 8 K
        // characters); the error must name line 303, column 1 (the start of element 301), whatever the reads
        List<String> records = new ArrayList<>();
        String body = array(records).replace(records.get(300) + ",\n", records.get(300) + "\n");
        for (Reader in : List.of(new StringReader(body), new TrickleReader(body))) {
            JsonRecordSplitter splitter = new JsonRecordSplitter(in, RecordLimits.IN_BATCH_BYTES);
            assertThatThrownBy(() -> {
                while (splitter.next() != null) {
                    // read to the error
                }
            }).isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage())
                    .isEqualTo("malformed JSON at line 303, column 1: expected ',' or ']' after element 300"));
        }
    }
}
