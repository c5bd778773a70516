package io.lytx.servlet.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBodyReaderTest {

    private static Map<String, String> parse(String json) throws RelayRefusal {
        return EventBodyReader.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void flatObjectValuesBecomeText() throws RelayRefusal {
        assertThat(parse("{\"_e\":\"click\",\"n\":12.50,\"ok\":true,\"no\":false,\"gone\":null,\"n\":3}"))
                .containsExactly(Map.entry("_e", "click"), Map.entry("n", "3"), Map.entry("ok", "true"),
                        Map.entry("no", "false"));
    }

    @Test
    void badJsonIsRefusedWithItsPosition() {
        // input: a double comma at line 2 -> 400 naming line 2
        assertThatThrownBy(() -> parse("{\"a\": 1,\n ,}")).isInstanceOfSatisfying(RelayRefusal.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.getMessage()).contains("line 2").contains("column");
        });
        // input: an array, not an object
        assertThatThrownBy(() -> parse("[1]")).isInstanceOfSatisfying(RelayRefusal.class,
                r -> assertThat(r.getMessage()).contains("expected a JSON object"));
        // input: a nested object -> the field is named
        assertThatThrownBy(() -> parse("{\"user\":{\"id\":1}}")).isInstanceOfSatisfying(RelayRefusal.class,
                r -> assertThat(r.getMessage()).contains("'user'").contains("flat"));
        // input: truncated body
        assertThatThrownBy(() -> parse("{\"a\":")).isInstanceOfSatisfying(RelayRefusal.class,
                r -> assertThat(r.status()).isEqualTo(400));
        // input: garbage after the object
        assertThatThrownBy(() -> parse("{} {}")).isInstanceOfSatisfying(RelayRefusal.class,
                r -> assertThat(r.status()).isEqualTo(400));
        // input: empty body
        assertThatThrownBy(() -> parse("")).isInstanceOfSatisfying(RelayRefusal.class,
                r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void bodiesOverSixteenKilobytesAreRefusedWithoutReadingThemWhole() throws Exception {
        byte[] exact = new byte[FirstPartySettings.MAX_EVENT_BYTES];
        assertThat(EventBodyReader.readBody(new ByteArrayInputStream(exact))).hasSize(exact.length);
        // input: one byte over the limit (a stream of 1 MB) -> 413
        assertThatThrownBy(() -> EventBodyReader.readBody(new ByteArrayInputStream(new byte[1 << 20])))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.status()).isEqualTo(413));
        assertThatThrownBy(() -> EventBodyReader.checkLength(16 * 1024 + 1))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.status()).isEqualTo(413));
        assertThatThrownBy(() -> EventBodyReader.checkContentType("application/x-www-form-urlencoded"))
                .isInstanceOfSatisfying(RelayRefusal.class, r -> assertThat(r.status()).isEqualTo(415));
    }
}
