package io.lytx.thymeleaf;

import io.lytx.client.testing.PublicApi;
import org.junit.jupiter.api.Test;

/**
 * Input: the dialect's compiled classes under {@code io.lytx.thymeleaf}. Must hold: their public API is
 * exactly {@code api/public-api.txt}, and no public signature names an internal type.
 * {@code -Dlytx.api.update=true} rewrites the listing after a deliberate change.
 */
class PublicApiTest {

    @Test
    void publicApiIsTheCommittedOne() {
        PublicApi.check(LyticsDialect.class, "io.lytx.thymeleaf", PublicApi.moduleDir());
    }
}
