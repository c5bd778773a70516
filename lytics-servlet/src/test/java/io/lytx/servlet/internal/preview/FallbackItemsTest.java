package io.lytx.servlet.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FallbackItemsTest {

    @Test
    void aListGivesItsFirstItemsUpToTheLimitSkippingNulls() {
        List<String> source = Arrays.asList("a", null, "b", "c");
        assertThat(FallbackItems.of(source, 2)).containsExactly("a", "b");
        assertThat(FallbackItems.of(source, 10)).containsExactly("a", "b", "c");
    }

    @Test
    void arraysOfObjectsAndOfPrimitivesAreItemsToo() {
        assertThat(FallbackItems.of(new String[] {"x", null, "y", "z"}, 2)).containsExactly("x", "y");
        assertThat(FallbackItems.of(new int[] {7, 8, 9}, 5)).containsExactly(7, 8, 9);
    }

    @Test
    void aMapGivesItsValuesInItsOrder() {
        Map<String, String> picks = new LinkedHashMap<>();
        picks.put("k1", "first");
        picks.put("k2", "second");
        assertThat(FallbackItems.of(picks, 5)).containsExactly("first", "second");
    }

    @Test
    void aSingleObjectIsOneItem() {
        assertThat(FallbackItems.of("only", 3)).containsExactly("only");
    }

    @Test
    void nullSourceOrNoRoomGivesNothing() {
        assertThat(FallbackItems.of(null, 3)).isEmpty();
        assertThat(FallbackItems.of(List.of("a"), 0)).isEmpty();
        assertThat(FallbackItems.of(Set.of("a"), -1)).isEmpty();
    }

    @Test
    void anEndlessIterableIsReadOnlyAsFarAsTheLimit() {
        Iterable<Integer> endless = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        assertThat(FallbackItems.of(endless, 3)).containsExactly(0, 1, 2);
    }
}
