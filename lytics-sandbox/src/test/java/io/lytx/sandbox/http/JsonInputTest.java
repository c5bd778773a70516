package io.lytx.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void parsesEveryJsonTypeIntoPlainJavaValues() {
        Object v = JsonInput.parse(new ByteArrayInputStream(
                "{\"s\":\"x\",\"n\":1.5,\"i\":17,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,\"b\"],\"o\":{\"k\":\"v\"}}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(v).isInstanceOf(Map.class);
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat(m.get("s")).isEqualTo("x");
        assertThat(m.get("n")).isEqualTo(new BigDecimal("1.5"));
        assertThat(m.get("i")).isEqualTo(new BigDecimal("17"));
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("f")).isEqualTo(Boolean.FALSE);
        assertThat(m.containsKey("z")).isTrue();
        assertThat(m.get("z")).isNull();
        assertThat(m.get("a")).isEqualTo(List.of(new BigDecimal("1"), "b"));
        assertThat(m.get("o")).isEqualTo(Map.of("k", "v"));
        assertThat(m.keySet().stream().map(String::valueOf).toList()).containsExactly("s", "n", "i", "t", "f", "z", "a", "o");
    }

    @Test
    void textAndItsUtf8BytesParseTheSameWay() {
        // input: the same non-ASCII JSON as a String and as UTF-8 bytes, once well-formed and once with
        // a missing value on line 2; both must give equal values and the same error message
        String good = "{\"name\":\"Zoë 🎉\",\"tags\":[\"été\"]}";
        assertThat(JsonInput.parse(good))
                .isEqualTo(JsonInput.parse(new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Map.of("name", "Zoë 🎉", "tags", List.of("été")));
        String bad = "{\"name\":\"Zoë 🎉\",\n  \"a\": ,\n}";
        String fromText = catchApiError(() -> JsonInput.parse(bad));
        String fromBytes = catchApiError(() -> JsonInput.parse(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
        assertThat(fromText).startsWith("malformed JSON at line 2, column ").isEqualTo(fromBytes);
        assertThat(catchApiError(() -> JsonInput.parse(" \n\t"))).isEqualTo("malformed JSON at line 1, column 1: the body is empty");
    }

    private static String catchApiError(Runnable parse) {
        try {
            parse.run();
        } catch (ApiError e) {
            return e.getMessage();
        }
        throw new AssertionError("no ApiError");
    }

    @Test
    void parsesATopLevelArrayAndScalars() {
        assertThat(JsonInput.parse("[\"10.0.0.0/8\"]")).isEqualTo(List.of("10.0.0.0/8"));
        assertThat(JsonInput.parse("true")).isEqualTo(Boolean.TRUE);
        assertThat(JsonInput.parse(" 10 ")).isEqualTo(new BigDecimal("10"));
        assertThat(JsonInput.parse("null")).isNull();
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        // input: a missing value on line 2 -> the error names line 2
        assertThatThrownBy(() -> JsonInput.parse("{\n  \"a\": ,\n}"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("malformed JSON at line 2, column ");
                });
    }

    @Test
    void emptyBodyIsRefused() {
        // input: zero bytes -> 400 saying the body is empty
        assertThatThrownBy(() -> JsonInput.parse(""))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("empty"));
    }

    @Test
    void trailingContentIsRefused() {
        // input: two values back to back -> 400, only one value is allowed
        assertThatThrownBy(() -> JsonInput.parse("{} {}"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("malformed JSON at line 1"));
    }

    @Test
    void tooDeepNestingIsRefused() {
        // input: 500 nested arrays -> 400 naming the depth limit, no stack overflow
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> JsonInput.parse(deep))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("nesting deeper than"));
    }

    @Test
    void parseObjectRefusesAnArray() {
        // input: an array where an object is required -> 400 naming both types
        assertThatThrownBy(() -> JsonInput.parseObject(new ByteArrayInputStream("[1]".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage())
                        .isEqualTo("expected a JSON object, got array"));
    }
}
