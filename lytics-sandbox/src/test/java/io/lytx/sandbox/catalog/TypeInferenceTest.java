package io.lytx.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    @Test
    void infersTypesFromJsonValuesAndFromTheShapeOfText() {
        assertThat(TypeInference.typeOf(new BigDecimal("17"))).isEqualTo("int");
        assertThat(TypeInference.typeOf(new BigDecimal("1.5"))).isEqualTo("number");
        assertThat(TypeInference.typeOf("17")).isEqualTo("int");
        assertThat(TypeInference.typeOf("-2.25")).isEqualTo("number");
        assertThat(TypeInference.typeOf("t")).isEqualTo("bool");
        assertThat(TypeInference.typeOf(Boolean.TRUE)).isEqualTo("bool");
        assertThat(TypeInference.typeOf("2024-05-01T12:00:00Z")).isEqualTo("date");
        assertThat(TypeInference.typeOf(Instant.EPOCH)).isEqualTo("date");
        assertThat(TypeInference.typeOf("2024-99-99")).as("date-shaped but no date").isEqualTo("string");
        assertThat(TypeInference.typeOf("Oslo")).isEqualTo("string");
        assertThat(TypeInference.typeOf(List.of("a"))).isEqualTo("[]string");
        assertThat(TypeInference.typeOf(Map.of("running", 0.5))).isEqualTo("map[string]number");
        assertThat(TypeInference.typeOf(Map.of("9", "3"))).isEqualTo("map[string]int");
    }

    @Test
    void mergingWidensNumbersAndFallsBackToString() {
        assertThat(TypeInference.merge(null, "int")).isEqualTo("int");
        assertThat(TypeInference.merge("int", "number")).isEqualTo("number");
        assertThat(TypeInference.merge("int", "date")).isEqualTo("string");
        assertThat(TypeInference.merge("map[string]int", "map[string]number")).isEqualTo("map[string]string");
    }

    @Test
    void theWidestTypeAbsorbsEveryOther() {
        // input: WIDEST merged with each type typeOf gives; must hold: WIDEST every time (the stream
        // catalog stops reading the shapes of a field's values once its type is WIDEST)
        for (String t : List.of("string", "int", "number", "bool", "date", "[]string", "map[string]int",
                "map[string]string")) {
            assertThat(TypeInference.merge(TypeInference.WIDEST, t)).as(t).isEqualTo(TypeInference.WIDEST);
        }
    }
}
