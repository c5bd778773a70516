package io.lytx.servlet;

import io.lytx.client.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Input: the plugin's compiled classes under {@code io.lytx.servlet}. Must hold: their public API (outside
 * the {@code io.lytx.servlet.internal} packages) is exactly {@code api/public-api.txt}, and no public
 * signature names an internal type. {@code -Dlytx.api.update=true} rewrites the listing after a
 * deliberate change.
 */
class PublicApiTest {

    @Test
    void publicApiIsTheCommittedOne() {
        PublicApi.check(LyticsFilter.class, "io.lytx.servlet", PublicApi.moduleDir());
    }
}
