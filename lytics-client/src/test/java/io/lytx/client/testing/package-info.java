/**
 * Test support shipped in the module's test-jar: {@link io.lytx.client.testing.StubLyticsServer},
 * a real-socket HTTP server with canned answers and exact request recording, plus
 * {@link io.lytx.client.testing.LyticsFixtures} with answer bodies shaped like Lytics', and
 * {@link io.lytx.client.testing.StubLyticsExtension}, a JUnit 5 extension giving each test a fresh
 * stub and a client pointed at it.
 */
package io.lytx.client.testing;
