/**
 * Test support shipped in the module's test-jar: {@link io.lytx.client.testing.StubLyticsServer},
 * a real-socket HTTP server with canned answers and exact request recording, plus
 * {@link io.lytx.client.testing.LyticsFixtures} with answer bodies shaped like Lytics'.
 */
package io.lytx.client.testing;
