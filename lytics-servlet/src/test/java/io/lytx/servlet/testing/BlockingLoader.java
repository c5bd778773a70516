package io.lytx.servlet.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.integration.CacheLoader;

/**
 * A JCache read-through loader that makes a real shared cache slow: every miss waits until
 * {@link #release()} (at most 60 s), then finds nothing. One latch per JVM, as the members run here.
 */
public final class BlockingLoader implements CacheLoader<Object, Object> {

    private static volatile CountDownLatch gate = new CountDownLatch(1);

    /** Makes the loads wait again. */
    public static void hold() {
        gate = new CountDownLatch(1);
    }

    /** Lets every waiting and later load finish. */
    public static void release() {
        gate.countDown();
    }

    @Override
    public Object load(Object key) {
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public Map<Object, Object> loadAll(Iterable<?> keys) {
        Map<Object, Object> none = new HashMap<>();
        for (Object key : keys) {
            load(key);
        }
        return none;
    }

    /** What the Hazelcast configuration names (a class with a no-argument constructor). */
    public static final class Factory implements javax.cache.configuration.Factory<CacheLoader<Object, Object>> {
        private static final long serialVersionUID = 1L;

        @Override
        public CacheLoader<Object, Object> create() {
            return new BlockingLoader();
        }
    }
}
