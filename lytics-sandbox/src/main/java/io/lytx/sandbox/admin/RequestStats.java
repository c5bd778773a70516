package io.lytx.sandbox.admin;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts requests per API route ({@code METHOD template}). Thread-safe and lock-free on the
 * counting path; a snapshot is consistent per route, not across routes.
 */
public final class RequestStats {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Counts one request.
     *
     * @param routeKey the route, e.g. {@code GET /api/entity/{table}/{field}/{value}}
     */
    public void count(String routeKey) {
        counts.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
    }

    /**
     * The counts so far.
     *
     * @return route → count, sorted by route; routes never called are absent
     */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            long n = v.sum();
            if (n > 0) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** Sets every count back to zero. */
    public void reset() {
        counts.clear();
    }
}
