package io.lytx.bench.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page view built through the filter's entry point has the fields the benchmarks assume: the
 * same as the one put together field by field (so that the forwarding race compares like with like).
 */
class PageViewsTest {

    @Test
    void theFiltersPageViewHasTheSameFieldsAsTheHandBuiltOne() {
        // input: visitor 42 reading page 7, built both ways
        Map<String, String> filter = new LinkedHashMap<>(PageViews.pageView(42, 7).fields());
        Map<String, String> hand = new LinkedHashMap<>(PageViews.event(42, 7).fields());

        // must hold: the same names and, apart from the time and the random page-view id, the same values
        assertThat(filter.keySet()).containsExactlyInAnyOrderElementsOf(hand.keySet());
        for (String varying : new String[] {"_ts", "_pvid"}) {
            filter.remove(varying);
            hand.remove(varying);
        }
        assertThat(filter).isEqualTo(hand);
        assertThat(filter).containsEntry("url", "www.example.org/articles/article-7?utm_source=newsletter");
    }
}
