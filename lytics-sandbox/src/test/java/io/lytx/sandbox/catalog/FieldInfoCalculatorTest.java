package io.lytx.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldInfoCalculatorTest {

    @Test
    @SuppressWarnings("unchecked")
    void countsTermsPresenceAndNumericStats() {
        FieldInfoCalculator calc = new FieldInfoCalculator(List.of("country", "visitct"), 1);
        calc.add(Map.of("country", "US", "visitct", 1L));
        calc.add(Map.of("country", "US", "visitct", 3L));
        calc.add(Map.of("country", "CA"));
        calc.add(Map.of("email", "x@y.org"));

        Map<String, Object> result = calc.result("user");
        assertThat(result).containsEntry("table", "user");
        List<Map<String, Object>> fields = (List<Map<String, Object>>) result.get("fields");
        Map<String, Object> country = fields.get(0);
        assertThat(country).containsEntry("field", "country").containsEntry("terms_counts", Map.of("US", 2L))
                .containsEntry("more_terms", true).containsEntry("ents_present", 3L).containsEntry("ents_absent", 1L)
                .containsEntry("approx_cardinality", 2);
        Map<String, Object> visitct = fields.get(1);
        assertThat((Map<String, Object>) visitct.get("stats")).containsEntry("mean", 2.0).containsEntry("min", 1.0)
                .containsEntry("max", 3.0).containsEntry("n", 2L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutFieldsReportsEveryFieldSeenAndListsCountEachElement() {
        FieldInfoCalculator calc = new FieldInfoCalculator(List.of(), 10);
        calc.add(Map.of("_uids", List.of("a", "b"), "city", "Oslo"));
        List<Map<String, Object>> fields = (List<Map<String, Object>>) calc.result("user").get("fields");
        assertThat(fields).extracting(f -> f.get("field")).containsExactly("_uids", "city");
        assertThat(fields.get(0)).containsEntry("terms_counts", Map.of("a", 1L, "b", 1L));
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> new FieldInfoCalculator(List.of(), 0)).hasMessageContaining("limit");
    }
}
