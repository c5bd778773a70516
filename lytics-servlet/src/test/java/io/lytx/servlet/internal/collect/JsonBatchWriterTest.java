package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The worker's JSON output is valid JSON that a standard parser (Parsson) reads back unchanged. */
class JsonBatchWriterTest {

    private static JsonArray parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readArray();
        }
    }

    private static byte[] write(CollectEvent... events) {
        JsonBatchWriter writer = new JsonBatchWriter();
        writer.reset();
        for (CollectEvent event : events) {
            assertThat(writer.tryAppend(event, Long.MAX_VALUE)).isTrue();
        }
        return writer.finish();
    }

    @Test
    void everyStringRoundTripsThroughAStandardParser() {
        String hostile = "quote \" backslash \\ slash / nul \u0000 bell \u0007 esc \u001b del \u007f"
                + " newline \n cr \r tab \t bs \b ff \f latin \u00e9 euro \u20ac cjk \u4e2d"
                + " emoji \ud83d\ude00 line-sep \u2028 bom \ufeff </script>";
        CollectEvent event = CollectEvent.builder().put("k\"ey\n", hostile).put("plain", "x").build();

        JsonObject parsed = parse(write(event)).getJsonObject(0);

        assertThat(parsed.getString("_eid")).isEqualTo(event.id());
        assertThat(parsed.getString("k\"ey\n")).isEqualTo(hostile);
        assertThat(parsed.getString("plain")).isEqualTo("x");
    }

    @Test
    void nonAsciiIsWrittenAsUtf8() {
        String text = "caf\u00e9 \u20ac \ud83d\ude00";
        byte[] json = write(CollectEvent.builder().id("i").put("t", text).build());
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("[{\"_eid\":\"i\",\"t\":\"" + text + "\"}]");
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() {
        // "\ud800" alone is not valid Unicode and cannot be encoded in UTF-8
        byte[] json = write(CollectEvent.builder().id("i").put("t", "a\ud800b\udc00").build());
        assertThat(parse(json).getJsonObject(0).getString("t")).isEqualTo("a\ufffdb\ufffd");
    }

    @Test
    void controlCharactersUseShortOrUnicodeEscapes() {
        byte[] json = write(CollectEvent.builder().id("i").put("t", "\n\u0001").build());
        assertThat(new String(json, StandardCharsets.US_ASCII)).isEqualTo("[{\"_eid\":\"i\",\"t\":\"\\n\\u0001\"}]");
    }

    @Test
    void anEventThatWouldPassTheByteLimitIsLeftOutUnlessItIsAlone() {
        CollectEvent small = CollectEvent.builder().id("a").put("t", "x").build();
        CollectEvent big = CollectEvent.builder().id("b").put("t", "y".repeat(200)).build();
        JsonBatchWriter writer = new JsonBatchWriter();

        writer.reset();
        assertThat(writer.tryAppend(big, 50)).as("alone, an oversized event is accepted").isTrue();
        assertThat(writer.finish().length).isGreaterThan(50);

        writer.reset();
        assertThat(writer.tryAppend(small, 50)).isTrue();
        assertThat(writer.tryAppend(big, 50)).as("it would make the array longer than 50 bytes").isFalse();
        byte[] json = writer.finish();
        assertThat(writer.count()).isEqualTo(1);
        assertThat(parse(json)).hasSize(1);
        assertThat(json.length).isLessThanOrEqualTo(50);
    }

    @Test
    void theBufferIsReusedAcrossBatches() {
        JsonBatchWriter writer = new JsonBatchWriter();
        writer.reset();
        writer.tryAppend(CollectEvent.builder().id("1").put("t", "z".repeat(20_000)).build(), Long.MAX_VALUE);
        writer.finish();
        writer.reset();
        writer.tryAppend(CollectEvent.builder().id("2").build(), Long.MAX_VALUE);
        assertThat(new String(writer.finish(), StandardCharsets.US_ASCII)).isEqualTo("[{\"_eid\":\"2\"}]");
    }
}
