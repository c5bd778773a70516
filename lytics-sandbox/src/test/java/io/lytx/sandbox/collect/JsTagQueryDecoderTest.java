package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.sandbox.http.ApiError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsTagQueryDecoderTest {

    @Test
    void flatPairsAreUrlDecodedText() {
        Map<String, Object> e = JsTagQueryDecoder.decode("_e=pv&_uid=u_123&url=example.org%2Fa%3Fb%3D1&title=Hello%20World");
        assertThat(e).containsExactly(Map.entry("_e", "pv"), Map.entry("_uid", "u_123"),
                Map.entry("url", "example.org/a?b=1"), Map.entry("title", "Hello World"));
    }

    @Test
    void dottedKeysBecomeNestedObjects() {
        Map<String, Object> e = JsTagQueryDecoder.decode("user.id=22&user.name=Ann&_e=pv");
        assertThat(e.get("user")).isEqualTo(Map.of("id", "22", "name", "Ann"));
        assertThat(e).containsEntry("_e", "pv");
    }

    @Test
    void jsonArraysReplaceTheirLengthAndRepeatedValues() {
        String q = "tags_len=2&tags_json=%5B%22a%22%2C%22b%2Cc%22%5D&tags=a&tags=b%2Cc&n=1";
        Map<String, Object> e = JsTagQueryDecoder.decode(q);
        assertThat(e).containsOnlyKeys("tags", "n");
        assertThat(e.get("tags")).isEqualTo(List.of("a", "b,c"));
    }

    @Test
    void jsonArraysOfNumbersKeepTheirJsonTypes() {
        Map<String, Object> e = JsTagQueryDecoder.decode("ids_json=%5B1%2C2%5D");
        assertThat(e.get("ids")).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2")));
    }

    @Test
    void repeatedKeysWithoutJsonBecomeLists() {
        assertThat(JsTagQueryDecoder.decode("c=x&c=y").get("c")).isEqualTo(List.of("x", "y"));
    }

    @Test
    void aDottedKeyClashingWithAScalarStaysFlat() {
        Map<String, Object> e = JsTagQueryDecoder.decode("user=ann&user.id=22");
        assertThat(e).containsEntry("user", "ann").containsEntry("user.id", "22");
    }

    @Test
    void emptyAndNullQueriesGiveAnEmptyEvent() {
        assertThat(JsTagQueryDecoder.decode(null)).isEmpty();
        assertThat(JsTagQueryDecoder.decode("")).isEmpty();
    }

    @Test
    void brokenPercentEncodingIsA400NamingThePair() {
        // input: a value with a truncated escape "%E"; the decoder must refuse it, not guess
        assertThatThrownBy(() -> JsTagQueryDecoder.decode("_e=pv&title=100%E"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("100%E");
                });
    }
}
