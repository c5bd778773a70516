package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrayMapTest {

    @Test
    void keepsTheGivenOrderAndFindsEveryKey() {
        // input: 1,000 keys in a scrambled order (past several index growths); must: iterate in that order, find each
        Map<String, Object> source = new LinkedHashMap<>();
        for (int i = 0; i < 1000; i++) {
            int n = (i * 7919) % 1000;
            source.put("field_" + n, n);
        }
        ArrayMap map = ArrayMap.copyOf(source);

        assertThat(map.keySet()).containsExactlyElementsOf(source.keySet());
        assertThat(map.size()).isEqualTo(1000);
        source.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        assertThat(map.get("field_1000")).isNull();
        assertThat(map.containsKey("field_1000")).isFalse();
        assertThat(map.get(42)).isNull();
    }

    @Test
    void smallScannedAndVeryLargeWideIndexedMapsFindEveryKey() {
        // input: maps of 1, 8, 9 and 70,000 entries (scanned, scanned, char index, int index); must: every key
        // found with its value, an absent key not found, order kept
        for (int n : new int[] {1, ArrayMap.SCANNED, ArrayMap.SCANNED + 1, 70_000}) {
            ArrayMap.Builder b = ArrayMap.builder(n);
            for (int i = 0; i < n; i++) {
                b.put("k" + i, i);
            }
            ArrayMap map = b.build();
            for (int i = 0; i < n; i++) {
                assertThat(map.get("k" + i)).isEqualTo(i);
            }
            assertThat(map.containsKey("k" + n)).isFalse();
            assertThat(map.keySet().iterator().next()).isEqualTo("k0");
            assertThat(map).hasSize(n);
        }
    }

    @Test
    void nullKeysAndNullValuesAreKeptAsALinkedHashMapKeepsThem() {
        // input: a null value (JSON null) and a null key; must: both present, has-key true, value null
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("a", null);
        source.put(null, "n");
        ArrayMap map = ArrayMap.copyOf(source);

        assertThat(map.containsKey("a")).isTrue();
        assertThat(map.get("a")).isNull();
        assertThat(map.get(null)).isEqualTo("n");
        assertThat(map).isEqualTo(source);
    }

    @Test
    void equalsAndHashCodeAreThoseOfAnyMapWithTheSameEntries() {
        // input: the same entries as a LinkedHashMap (other order) and Map.of; must: equal both ways, same hash and text
        ArrayMap map = ArrayMap.builder(2).put("x", 1).put("y", List.of("a")).build();
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("y", List.of("a"));
        other.put("x", 1);

        assertThat(map).isEqualTo(other).isEqualTo(Map.of("x", 1, "y", List.of("a")));
        assertThat(other).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(other.hashCode());
        assertThat(map).hasToString("{x=1, y=[a]}");
        assertThat(map).isNotEqualTo(Map.of("x", 1));
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPositionAndItsLastValue() {
        // input: a, b, a again; must: order a, b with a's second value (LinkedHashMap.put's behaviour)
        ArrayMap map = ArrayMap.builder(3).put("a", 1).put("b", 2).put("a", 3).build();

        assertThat(map.keySet()).containsExactly("a", "b");
        assertThat(map.get("a")).isEqualTo(3);
    }

    @Test
    void isUnmodifiable() {
        // input: every mutator, on the map, its views and its entries; must: UnsupportedOperationException
        ArrayMap map = ArrayMap.builder(1).put("a", 1).build();

        assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("absent")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.putAll(Map.of("c", 3))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove("a")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(5))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(map).containsExactly(Map.entry("a", 1));
    }

    @Test
    void copyOfAnArrayMapIsTheSameMapAndAnEmptySourceGivesAnEmptyMap() {
        // input: an ArrayMap, an empty map; must: no second copy, an empty map that finds nothing
        ArrayMap map = ArrayMap.builder(1).put("a", 1).build();

        assertThat(ArrayMap.copyOf(map)).isSameAs(map);
        assertThat(ArrayMap.copyOf(Map.of())).isEmpty();
        assertThat(ArrayMap.copyOf(Map.of()).get("a")).isNull();
        assertThat(ArrayMap.builder(0).build()).isEmpty();
    }

    @Test
    void keysWhoseHashesCollideAreAllFound() {
        // input: "Aa" and "BB" (same String hash) among others; must: each found with its own value
        ArrayMap map = ArrayMap.builder(4).put("Aa", 1).put("BB", 2).put("AaAa", 3).put("BBBB", 4).build();

        assertThat(Arrays.asList(map.get("Aa"), map.get("BB"), map.get("AaAa"), map.get("BBBB"))).containsExactly(1, 2, 3, 4);
        assertThat(map.get("AaBB")).isNull();
    }
}
