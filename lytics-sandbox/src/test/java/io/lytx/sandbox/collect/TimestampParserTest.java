package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampParserTest {

    private static final long MS = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();

    @Test
    void readsEpochMillisecondsAndSecondsAsNumbersOrText() {
        assertThat(TimestampParser.parse(new BigDecimal(MS))).hasValue(MS);
        assertThat(TimestampParser.parse(Long.toString(MS))).hasValue(MS);
        assertThat(TimestampParser.parse(Long.toString(MS / 1000))).hasValue(MS);
        assertThat(TimestampParser.parse(MS / 1000)).hasValue(MS);
    }

    @Test
    void readsIsoAndCommonTextFormats() {
        assertThat(TimestampParser.parse("2024-05-01T12:00:00Z")).hasValue(MS);
        assertThat(TimestampParser.parse("2024-05-01T14:00:00+02:00")).hasValue(MS);
        assertThat(TimestampParser.parse("2024-05-01T12:00:00")).hasValue(MS);
        assertThat(TimestampParser.parse("2024-05-01 12:00:00")).hasValue(MS);
        assertThat(TimestampParser.parse("2024-05-01 12:00:00Z")).hasValue(MS);
        assertThat(TimestampParser.parse("Wed, 1 May 2024 12:00:00 GMT")).hasValue(MS);
        assertThat(TimestampParser.parse("2024-05-01")).hasValue(MS - 12 * 3_600_000L);
    }

    @Test
    void refusesTextThatIsNoTime() {
        assertThat(TimestampParser.parse("yesterday")).isEmpty();
        assertThat(TimestampParser.parse("2024-13-45")).isEmpty();
        assertThat(TimestampParser.parse("")).isEmpty();
        assertThat(TimestampParser.parse(null)).isEmpty();
    }
}
