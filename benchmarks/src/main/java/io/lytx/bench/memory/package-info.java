/**
 * Memory and hit rate of the plugin's profile cache at scale: bytes retained per cached visitor
 * ({@link io.lytx.bench.memory.CachedVisitorMemoryRun}) and the hit rate and upstream calls per second of a
 * Zipf-distributed visitor stream at the default cache size ({@link io.lytx.bench.memory.ZipfHitRateRun}),
 * both through the plugin's {@code ProfileService} against a realistic Lytics answer on 127.0.0.1.
 */
package io.lytx.bench.memory;
