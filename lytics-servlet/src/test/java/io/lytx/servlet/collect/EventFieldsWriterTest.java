package io.lytx.servlet.collect;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Events whose fields are written by an {@link EventFields} serialize exactly like the same fields
 * put in a builder, however the values are split into parts, for hostile text too.
 */
class EventFieldsWriterTest {

    /** Quotes, backslashes, every kind of control character, non-ASCII, non-BMP and lone surrogates. */
    static final List<String> HOSTILE = List.of(
            "",
            "plain ascii / slash",
            "quote \" backslash \\ both \\\"",
            "nul \u0000 bell \u0007 bs \b tab \t nl \n ff \f cr \r esc \u001b us \u001f del \u007f",
            "latin caf\u00e9 \u00ff \u0100 euro \u20ac cjk \u4e2d line-sep \u2028 bom \ufeff max \uffff",
            "emoji \ud83d\ude00 and \ud834\udd1e at the end \ud83d\ude00",
            "lone high \ud800 then x, lone low \udc00, reversed \udc00\ud800, high at the end \ud83d",
            "\ud83d",
            "\udc00",
            "</script><!-- '\" -->");

    private static JsonObject parse(byte[] json) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(json))) {
            return reader.readArray().getJsonObject(0);
        }
    }

    /** Writes one field with the value cut into parts at {@code cuts} (sorted indexes). */
    private record Parts(String name, String value, int... cuts) implements EventFields {
        @Override
        public int estimatedBytes() {
            return name.length() + value.length() + 6;
        }

        @Override
        public void writeTo(Writer out) {
            out.begin(name);
            int from = 0;
            for (int cut : cuts) {
                out.append(value, from, cut);
                from = cut;
            }
            out.append(value, from, value.length());
            out.end();
        }
    }

    @Test
    void aValueWrittenInPartsIsTheSameBytesAsWrittenWhole() {
        for (String value : HOSTILE) {
            String whole = JsonBatches.withoutId(CollectEvent.builder().put("k", value).build());
            for (int cut = 0; cut <= value.length(); cut++) {
                for (int second = cut; second <= value.length(); second += 3) {
                    String parts = JsonBatches.withoutId(CollectEvent.of(new Parts("k", value, cut, second)));
                    assertThat(parts).as("value %s cut at %d and %d", escape(value), cut, second).isEqualTo(whole);
                }
            }
        }
    }

    @Test
    void hostileValuesRoundTripThroughAStandardParser() {
        for (String value : HOSTILE) {
            CollectEvent event = CollectEvent.of(new Parts("k\"\\\n", value, value.length() / 2));
            JsonObject parsed = parse(JsonBatches.write(event));
            assertThat(parsed.getString("_eid")).isEqualTo(event.id());
            assertThat(parsed.getString("k\"\\\n")).as(escape(value)).isEqualTo(withLoneSurrogatesReplaced(value));
        }
    }

    @Test
    void numbersUuidsAndCharsAreWrittenAsStrings() {
        long msb = 0x0123_4567_89ab_4cdeL;
        long lsb = 0x8f01_2345_6789_abcdL;
        CollectEvent event = CollectEvent.of(new EventFields() {
            @Override
            public int estimatedBytes() {
                return 0;
            }

            @Override
            public void writeTo(Writer out) {
                out.field("n", -42L);
                out.field("min", Long.MIN_VALUE);
                out.field("zero", 0L);
                out.uuidField("u", msb, lsb);
                out.field("skipped", (String) null);
                out.begin("mix");
                out.append("host", 0, 4);
                out.append(':');
                out.append(8080L);
                out.append('"');
                out.append('\ud83d');
                out.append('\ude00');
                out.append('\ud800');
                out.end();
            }
        });

        JsonObject parsed = parse(JsonBatches.write(event));

        assertThat(parsed.getString("n")).isEqualTo("-42");
        assertThat(parsed.getString("min")).isEqualTo(Long.toString(Long.MIN_VALUE));
        assertThat(parsed.getString("zero")).isEqualTo("0");
        assertThat(parsed.getString("u")).isEqualTo(new UUID(msb, lsb).toString());
        assertThat(parsed.containsKey("skipped")).isFalse();
        assertThat(parsed.getString("mix")).isEqualTo("host:8080\"\ud83d\ude00\ufffd");
        assertThat(event.fields()).containsEntry("u", new UUID(msb, lsb).toString())
                .containsEntry("n", "-42").doesNotContainKey("skipped");
    }

    @Test
    void aDeferredEventHasARandomV4IdWrittenWithoutMakingItsText() {
        CollectEvent event = CollectEvent.of(new Parts("k", "v"));
        UUID id = UUID.fromString(event.id());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(event.id()).isSameAs(event.id());
        assertThat(parse(JsonBatches.write(event)).getString("_eid")).isEqualTo(event.id());
        assertThat(event.fields()).containsExactly(java.util.Map.entry("k", "v"));
    }

    @Test
    void theEstimateOfADeferredEventAddsTheIdAndTheBraces() {
        CollectEvent event = CollectEvent.of(new Parts("url", "example.org/x?a=1"));
        // exact for ASCII: "[" + object + "]" is one byte longer than the estimate (which counts a comma)
        assertThat(JsonBatches.write(event)).hasSize(event.estimatedBytes() + 1);
    }

    /** The text with every surrogate that is not part of a pair replaced by U+FFFD. */
    private static String withLoneSurrogatesReplaced(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return b.toString();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
