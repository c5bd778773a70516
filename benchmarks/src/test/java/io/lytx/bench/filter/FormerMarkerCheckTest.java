package io.lytx.bench.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.internal.identity.IdentityBinding;
import org.junit.jupiter.api.Test;

/** The former marker check that the filter benchmark compares with gives the filter's answers. */
class FormerMarkerCheckTest {

    @Test
    void theFormerCheckAnswersAsTheFiltersOwn() {
        // input: the benchmark's marker, and the same checked for another id, another identity and a forged text;
        // must hold: the former check and IdentityBinding agree on each (true only for the first)
        IdentityBinding binding = IdentityBinding.derivedFrom(FilterCostBenchmark.TOKEN);
        FilterCostBenchmark.FormerMarkerCheck former = new FilterCostBenchmark.FormerMarkerCheck(FilterCostBenchmark.TOKEN);
        String marker = binding.marker(FilterCostBenchmark.VISITOR, null, null);
        String otherId = "5b0a2a8e-5f1c-4d2b-9a3e-0c1d2e3f4a5b";

        assertThat(former.binds(marker, FilterCostBenchmark.VISITOR, null, null)).isTrue();
        assertThat(binding.binds(marker, FilterCostBenchmark.VISITOR, null, null)).isTrue();
        assertThat(former.binds(marker, otherId, null, null)).isFalse();
        assertThat(binding.binds(marker, otherId, null, null)).isFalse();
        assertThat(former.binds(marker, FilterCostBenchmark.VISITOR, "email", "ada@example.org")).isFalse();
        assertThat(binding.binds(marker, FilterCostBenchmark.VISITOR, "email", "ada@example.org")).isFalse();
        assertThat(former.binds("1.AAAAAAAAAAAAAAAAAAAAAA", FilterCostBenchmark.VISITOR, null, null)).isFalse();
        assertThat(binding.binds("1.AAAAAAAAAAAAAAAAAAAAAA", FilterCostBenchmark.VISITOR, null, null)).isFalse();
    }
}
