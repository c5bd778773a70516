package io.lytx.servlet.internal.collect;

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
 * put in a builder, for hostile text too, and a standard JSON parser reads them back.
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

    /** Writes the fields given, in order. */
    private record Fields(String... namesAndValues) implements EventFields {
        @Override
        public int estimatedBytes() {
            int n = 0;
            for (String s : namesAndValues) {
                n += s == null ? 0 : s.length();
            }
            return n + 3 * namesAndValues.length;
        }

        @Override
        public void writeTo(Writer out) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                out.field(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }

    @Test
    void aDeferredFieldIsTheSameBytesAsTheBuildersField() {
        // input: each hostile value as the value of one field; must hold: the same JSON either way
        for (String value : HOSTILE) {
            String built = JsonBatches.withoutId(CollectEvent.builder().put("k", value).build());
            String deferred = JsonBatches.withoutId(CollectEvent.of(new Fields("k", value)));
            assertThat(deferred).as("value %s", escape(value)).isEqualTo(built);
        }
    }

    @Test
    void hostileValuesRoundTripThroughAStandardParser() {
        // input: hostile values under a hostile name; must hold: the parser reads back the value, lone surrogates as U+FFFD
        for (String value : HOSTILE) {
            CollectEvent event = CollectEvent.of(new Fields("k\"\\\n", value));
            JsonObject parsed = parse(JsonBatches.write(event));
            assertThat(parsed.getString("_eid")).isEqualTo(event.id());
            assertThat(parsed.getString("k\"\\\n")).as(escape(value)).isEqualTo(withLoneSurrogatesReplaced(value));
        }
    }

    @Test
    void aNullValueWritesNoField() {
        // input: a field with a null value between two others; must hold: it is absent from the JSON and the map
        CollectEvent event = CollectEvent.of(new Fields("a", "1", "skipped", null, "b", "2"));

        JsonObject parsed = parse(JsonBatches.write(event));

        assertThat(parsed.containsKey("skipped")).isFalse();
        assertThat(event.fields()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
    }

    @Test
    void aDeferredEventHasARandomV4Id() {
        // input: two deferred events; must hold: each id is a version-4 UUID, stable, written as _eid, and they differ
        CollectEvent event = CollectEvent.of(new Fields("k", "v"));
        UUID id = UUID.fromString(event.id());
        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(event.id()).isEqualTo(event.id());
        assertThat(parse(JsonBatches.write(event)).getString("_eid")).isEqualTo(event.id());
        assertThat(event.fields()).containsExactly(java.util.Map.entry("k", "v"));
        assertThat(CollectEvent.of(new Fields("k", "v")).id()).isNotEqualTo(event.id());
    }

    @Test
    void theEstimateOfADeferredEventAddsTheIdAndTheBraces() {
        // input: one ASCII field estimated exactly; must hold: the event's estimate is its JSON size (a comma for the brackets)
        CollectEvent event = CollectEvent.of(new Fields("url", "example.org/x?a=1"));
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
