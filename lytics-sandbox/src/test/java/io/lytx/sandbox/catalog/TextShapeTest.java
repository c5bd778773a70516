package io.lytx.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written shape scans accept exactly what the regular expressions they replace accepted. */
class TextShapeTest {

    private static final Pattern INT = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private static final List<String> SAMPLES = List.of("", "-", "0", "7", "-7", "17", "--1", "+1", "1-",
            "123456789012345678", "1234567890123456789", "-123456789012345678", "1.5", "-2.25", "1.", ".5", "-.5",
            "1.2.3", "1e5", "1,5", "١٢", "12a", " 12", "2024-05-01", "2024-05-01T12:00:00Z", "2024-05-01 12:00",
            "2024-05-01X", "2024-5-01", "2024-05-1", "20240-05-01", "2024-05-01T", "2024-05-01T1\n2",
            "2024-05-01 a\u2028b", "2024-05-01T\r", "abcd-ef-gh", "2024/05/01", "9999-99-99");

    @Test
    void integersAreAnOptionalMinusAndOneToEighteenDigits() {
        for (String s : SAMPLES) {
            assertThat(TextShape.isInteger(s)).as(s).isEqualTo(INT.matcher(s).matches());
        }
        assertThat(TextShape.isInteger("-123456789012345678")).isTrue();
        assertThat(TextShape.isInteger("1234567890123456789")).isFalse();
    }

    @Test
    void decimalsNeedDigitsOnBothSidesOfTheDot() {
        for (String s : SAMPLES) {
            assertThat(TextShape.isDecimal(s)).as(s).isEqualTo(DECIMAL.matcher(s).matches());
        }
        assertThat(TextShape.isDecimal("-2.25")).isTrue();
        assertThat(TextShape.isDecimal("1.")).isFalse();
    }

    @Test
    void isoDatesAreADayOptionallyFollowedByATimeOnOneLine() {
        for (String s : SAMPLES) {
            assertThat(TextShape.isIsoDateLike(s)).as(s).isEqualTo(ISO_DATE.matcher(s).matches());
        }
        assertThat(TextShape.isIsoDateLike("2024-05-01 12:00")).isTrue();
        assertThat(TextShape.isIsoDateLike("2024-05-01T1\n2")).isFalse();
    }
}
