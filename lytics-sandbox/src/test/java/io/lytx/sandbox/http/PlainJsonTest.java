package io.lytx.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link PlainJson} and {@link PlainJsonWriter} write what the sandbox's JSON-B writes. */
class PlainJsonTest {

    private static final JsonbResolver RESOLVER = new JsonbResolver();
    private static final Jsonb JSONB = RESOLVER.getContext(Map.class);

    @AfterAll
    static void close() {
        RESOLVER.close();
    }

    private static String plain(Object value) throws PlainJson.NotPlain {
        StringBuilder sb = new StringBuilder();
        PlainJson.write(value, sb);
        return sb.toString();
    }

    @Test
    void writesEveryPlainValueAsJsonbDoes() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "a\"b\\c/d\u0000\u0001\u001f\n\t\b\f\r\u007f\u2028é😀 <script>");
        m.put("empty", "");
        m.put("none", null);
        m.put("doubles", List.of(0.5, 1.0E-7, 1.0E21, 100.0, -0.0, 0.1 + 0.2, 1234567.0, Double.MAX_VALUE, Double.MIN_VALUE));
        m.put("decimals", List.of(new BigDecimal("1E+3"), new BigDecimal("12.50"), new BigDecimal("-0.000001"), BigDecimal.ZERO));
        m.put("integers", List.of(5L, Long.MIN_VALUE, 3, Integer.MAX_VALUE));
        m.put("booleans", List.of(true, false));
        m.put("list", Arrays.asList(1, null, "x", List.of(), Map.of()));
        m.put("set", new LinkedHashSet<>(List.of("a", "b")));
        m.put("nested", Map.of("data", Map.of("k", List.of(Map.of("v", 1)))));
        assertThat(plain(m)).isEqualTo(JSONB.toJson(m));
    }

    @Test
    void randomTextAndNumbersMatchJsonb() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(12); c > 0; c--) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xD7FF)));
            }
            double d = Double.longBitsToDouble(random.nextLong());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(text.toString(), text.toString());
            m.put("d", Double.isFinite(d) ? d : random.nextDouble());
            m.put("n", random.nextLong());
            assertThat(plain(m)).as("sample %d", i).isEqualTo(JSONB.toJson(m));
        }
    }

    @Test
    void anythingElseIsNotPlain() {
        assertThatThrownBy(() -> plain(Map.of("t", Instant.EPOCH))).isInstanceOf(PlainJson.NotPlain.class);
        assertThatThrownBy(() -> plain(List.of(Double.NaN))).isInstanceOf(PlainJson.NotPlain.class);
        assertThatThrownBy(() -> plain(Map.of(5, "five"))).isInstanceOf(PlainJson.NotPlain.class);
        assertThatThrownBy(() -> plain(List.of(1.5f))).isInstanceOf(PlainJson.NotPlain.class);
    }

    @Test
    void theWriterFallsBackToJsonbForOtherValues() throws IOException {
        PlainJsonWriter writer = new PlainJsonWriter(JSONB);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", Map.of("created", Instant.parse("2024-05-01T12:00:00Z")));
        m.put("message", "success");
        assertThat(write(writer, m)).isEqualTo("{\"data\":{\"created\":\"2024-05-01T12:00:00Z\"},\"message\":\"success\"}")
                .isEqualTo(JSONB.toJson(m));
        m.put("data", List.of("plain"));
        assertThat(write(writer, m)).isEqualTo(JSONB.toJson(m));
    }

    @Test
    void theWriterTakesJsonMapsInUtf8Only() {
        PlainJsonWriter writer = new PlainJsonWriter(JSONB);
        Annotation[] none = new Annotation[0];
        assertThat(writer.isWriteable(LinkedHashMap.class, LinkedHashMap.class, none, MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(writer.isWriteable(LinkedHashMap.class, LinkedHashMap.class, none,
                MediaType.APPLICATION_JSON_TYPE.withCharset("ISO-8859-1"))).isFalse();
        assertThat(writer.isWriteable(ArrayList.class, ArrayList.class, none, MediaType.APPLICATION_JSON_TYPE)).isFalse();
        assertThat(writer.isWriteable(LinkedHashMap.class, LinkedHashMap.class, none, MediaType.TEXT_PLAIN_TYPE)).isFalse();
    }

    private static String write(PlainJsonWriter writer, Map<String, Object> m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(m, m.getClass(), m.getClass(), new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
