package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VisitorIdsTest {

    @Test
    void acceptsTheThreeFormatsSeenOnTheWire() {
        assertThat(VisitorIds.isValid("91684.5253390131")).isTrue();
        assertThat(VisitorIds.isValid("100786.800170346344")).isTrue();
        assertThat(VisitorIds.isValid("u_670591093815502600")).isTrue();
        assertThat(VisitorIds.isValid("21c033ae-567a-49b1-9935-35e79a056559")).isTrue();
        assertThat(VisitorIds.isValid("21C033AE-567A-49B1-B935-35E79A056559")).isTrue();
    }

    @Test
    void acceptsEveryIdTheLyticsTagMints() {
        // Lytics' tag mints ids when it finds no cookie (bechirsegni/jstag, a fork of Lytics' jstag): v3
        // src/rollup/util/uid.js `'u_' + Math.floor(Math.random() * 1e18)`; v2 src/legacy/v2/io.js s16()
        // `((1 + Math.random()) * 0x10000).toString()`; both are JavaScript numbers printed as JavaScript does.
        // A visitor arriving with such a cookie must keep it (an id this rejects is replaced: a new profile).
        Random random = new Random(20261207);
        for (int i = 0; i < 20_000; i++) {
            String v3 = "u_" + jsNumber(Math.floor(random.nextDouble() * 1e18));
            String v2 = jsNumber((1 + random.nextDouble()) * 0x10000);
            assertThat(VisitorIds.isValid(v3)).as(v3).isTrue();
            assertThat(VisitorIds.isValid(v2)).as(v2).isTrue();
        }
        // the extremes, as Node 20 prints them for Math.random() = 0 and 1 - 2^-52 (V8's largest) and 2^-52
        assertThat(List.of("u_0", "u_999999999999999900", "131071.99999999999", "65536.00000000001"))
                .allSatisfy(id -> assertThat(VisitorIds.isValid(id)).as(id).isTrue());
    }

    /**
     * A double in plain digits, as JavaScript's Number#toString prints these ranges (no exponent; Java 17
     * may print one more significant digit than JavaScript's shortest form, never a different shape).
     */
    private static String jsNumber(double d) {
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
    }

    @Test
    void rejectsHostileValues() {
        // input: path traversal, encoded traversal, CR LF, 10 KB, non-ASCII, quotes, JSON and HTML;
        // none may be accepted (an accepted value goes into an upstream URL path)
        List<String> hostile = List.of("../../api/account", "%2F..", "..%2F..%2Fapi", "u_1\r\nX-Injected: 1",
                "u_1\n", "9".repeat(10 * 1024), "u_" + "1".repeat(10 * 1024), "ü_670591093815502600",
                "21c033ae-567a-49b1-9935-35e79a05655é", "\"u_1\"", "{\"a\":1}", "<script>", "u_1/../x", "u_1%00",
                "", " ", "u_", "u_12a", "u_-1");
        for (String value : hostile) {
            assertThat(VisitorIds.isValid(value)).as("value of length %d: %s", value.length(),
                    value.length() > 40 ? value.substring(0, 40) + "..." : value).isFalse();
        }
        assertThat(VisitorIds.isValid(null)).isFalse();
    }

    @Test
    void rejectsNearMisses() {
        // UUID v1 (version digit 1), bad variant, missing dashes, legacy numbers out of range
        assertThat(VisitorIds.isValid("21c033ae-567a-19b1-9935-35e79a056559")).isFalse();
        assertThat(VisitorIds.isValid("21c033ae-567a-49b1-c935-35e79a056559")).isFalse();
        assertThat(VisitorIds.isValid("21c033ae567a49b1993535e79a056559")).isFalse();
        assertThat(VisitorIds.isValid("65535.1")).isFalse();
        assertThat(VisitorIds.isValid("131072.1")).isFalse();
        assertThat(VisitorIds.isValid("91684.")).isFalse();
        assertThat(VisitorIds.isValid("91684")).isFalse();
        assertThat(VisitorIds.isValid("091684.1")).isFalse();
        assertThat(VisitorIds.isValid("91684.1.2")).isFalse();
        assertThat(VisitorIds.isValid("u_" + "1".repeat(21))).isFalse();
    }

    @Test
    void mintedIdsAreValidDistinctUuidV4() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = VisitorIds.mint();
            assertThat(VisitorIds.isUuidV4(id)).isTrue();
            assertThat(id).isLowerCase();
            seen.add(id);
        }
        assertThat(seen).hasSize(1000);
    }
}
