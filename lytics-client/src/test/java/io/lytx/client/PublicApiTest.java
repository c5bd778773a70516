package io.lytx.client;

import io.lytx.client.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Input: the client's compiled classes under {@code io.lytx.client}. Must hold: their public API (outside
 * {@code io.lytx.client.internal}) is exactly {@code api/public-api.txt}, and no public signature names an
 * internal type. {@code -Dlytx.api.update=true} rewrites the listing after a deliberate change.
 */
class PublicApiTest {

    @Test
    void publicApiIsTheCommittedOne() {
        PublicApi.check(LyticsClient.class, "io.lytx.client", PublicApi.moduleDir());
    }
}
