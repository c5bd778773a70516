package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2016-04-02T12:00:00Z           | 2016-04-02T12:00:00Z",
        "2015-04-01 00:00:00Z           | 2015-04-01T00:00:00Z",
        "2016-04-02T12:00:00.250+02:00  | 2016-04-02T10:00:00.250Z",
        "2016-04-02T12:00:00-05:00      | 2016-04-02T17:00:00Z",
        "2016-04-02T12:00:00            | 2016-04-02T12:00:00Z",
        "2016-04-02 12:00               | 2016-04-02T12:00:00Z",
        "2016-04-02                     | 2016-04-02T00:00:00Z",
        "2016-04-02t12:00:00z           | 2016-04-02T12:00:00Z",
        "1393468620175                  | 2014-02-27T02:37:00.175Z",
        "-1000                          | 1969-12-31T23:59:59Z",
    })
    void readsTheFormsLyticsDataCarries(String text, String expected) {
        assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "2016-13-01", "2016-02-30T00:00:00Z", "2016/04/02", "12345678901234567890",
        "17.5", "now-1d", "2016-04-02T25:00:00Z"})
    void refusesEverythingElse(String text) {
        assertThat(Timestamps.parse(text)).as(text).isNull();
    }
}
