package io.lytx.spring.boot;

import io.lytx.client.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Input: the starter's compiled classes under {@code io.lytx.spring.boot}. Must hold: their public API
 * (the auto-configurations, their beans' types and {@code LyticsProperties}) is exactly
 * {@code api/public-api.txt}, and no public signature names an internal type.
 * {@code -Dlytx.api.update=true} rewrites the listing after a deliberate change.
 */
class PublicApiTest {

    @Test
    void publicApiIsTheCommittedOne() {
        PublicApi.check(LyticsAutoConfiguration.class, "io.lytx.spring.boot", PublicApi.moduleDir());
    }
}
