package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.sandbox.http.ApiError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    @Test
    void readsGoDurations() {
        assertThat(GoDuration.parse("720h")).isEqualTo(Duration.ofDays(30));
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(GoDuration.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(GoDuration.parse("3us")).isEqualTo(Duration.ofNanos(3000));
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("+2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d", "30", "-1h", "h", "1x", "1h 30m", "", "1.h.5"})
    void refusesWhatGoRefuses(String text) {
        // input: not a Go duration (no day unit, no bare numbers, no negatives) -> 400 naming the text
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("invalid expires \"" + text + "\"");
        });
    }
}
