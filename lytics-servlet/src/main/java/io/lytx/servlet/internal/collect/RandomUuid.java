package io.lytx.servlet.internal.collect;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for event ids and page-view ids. Drawn from the calling thread's own
 * generator ({@link ThreadLocalRandom}), not the shared {@code SecureRandom} of
 * {@link UUID#randomUUID()}: unique enough to tell events apart and deduplicate retries, and never a
 * point of contention on request threads. Not for secrets. Thread-safe; never blocks.
 */
public final class RandomUuid {

    private RandomUuid() {
    }

    /**
     * A new random UUID, version 4, variant 2 (RFC 4122).
     *
     * @return its canonical 36-character text; never null
     */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~0xC000_0000_0000_0000L) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
