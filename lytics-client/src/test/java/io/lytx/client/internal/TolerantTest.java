package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TolerantTest {

    @ParameterizedTest(name = "bool({0}) = {1}")
    @CsvSource({"t,true", "f,false", "true,true", "FALSE,false", "1,true", "0,false", "yes,true", "no,false"})
    void booleansFromText(String text, boolean expected) {
        assertThat(Tolerant.bool(text)).contains(expected);
    }

    @Test
    void valuesThatDoNotConvertAreEmptyNotErrors() {
        // inputs: text that is no number/boolean/date, a list, a map, null; must: give empty, never throw
        assertThat(Tolerant.bool("maybe")).isEmpty();
        assertThat(Tolerant.longValue("17 visits")).isEmpty();
        assertThat(Tolerant.longValue(List.of(1))).isEmpty();
        assertThat(Tolerant.number(Map.of())).isEmpty();
        assertThat(Tolerant.instant("yesterday")).isEmpty();
        assertThat(Tolerant.string(null)).isEmpty();
        assertThat(Tolerant.longValue("99999999999999999999999")).isEmpty();
        assertThat(Tolerant.strings(null)).isEmpty();
        assertThat(Tolerant.map("x")).isEmpty();
    }

    @Test
    void numbersFromTextAndDecimals() {
        assertThat(Tolerant.longValue("17")).hasValue(17);
        assertThat(Tolerant.longValue(" 214 ")).hasValue(214);
        assertThat(Tolerant.longValue(new BigDecimal("3.9"))).hasValue(3);
        assertThat(Tolerant.number("0.62")).hasValue(0.62);
        assertThat(Tolerant.string(new BigDecimal("4"))).contains("4");
        assertThat(Tolerant.string(new BigDecimal("4.50"))).contains("4.50");
    }

    @Test
    void timestampsAsIsoTextOrEpochMilliseconds() {
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        assertThat(Tolerant.instant("2024-05-01T12:00:00Z")).contains(t);
        assertThat(Tolerant.instant("2024-05-01T14:00:00+02:00")).contains(t);
        assertThat(Tolerant.instant("2024-05-01 12:00:00Z")).contains(t);
        assertThat(Tolerant.instant("1714564800000")).contains(t);
        assertThat(Tolerant.instant(new BigDecimal("1714564800000"))).contains(t);
        assertThat(Tolerant.instant("2024-05-01T12:00:00")).contains(t);
        assertThat(Tolerant.instant("2024-05-01")).contains(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void stringsFromListOrScalar() {
        assertThat(Tolerant.strings(List.of("a", new BigDecimal("2"), true))).containsExactly("a", "2", "true");
        assertThat(Tolerant.strings("solo")).containsExactly("solo");
    }
}
