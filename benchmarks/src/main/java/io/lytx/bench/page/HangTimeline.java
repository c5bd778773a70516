package io.lytx.bench.page;

import io.lytx.bench.support.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The requests of a hung-upstream run placed around the moment the upstream began to hang: a request
 * counts for the hang when its answer came at or after that moment (a page in flight when the hang
 * began is the first to feel it), and for the first {@code n} seconds when it was also sent before
 * hang + n s. Immutable; thread-safe.
 */
final class HangTimeline {

    /** One window's latencies in milliseconds (nearest-rank percentiles); NaN when it holds no request. */
    record Window(String name, int requests, double meanMs, double p50Ms, double p99Ms, double maxMs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: n=%d mean=%.2f p50=%.2f p99=%.2f max=%.2f ms", name, requests,
                    meanMs, p50Ms, p99Ms, maxMs);
        }
    }

    private final long[] sent;
    private final long[] latency;
    private final long hangAt;

    /**
     * @param sentNanos    when each request was sent ({@link System#nanoTime()})
     * @param latencyNanos how long each took, same order and length
     * @param hangAtNanos  when the upstream began to hang, same clock
     */
    HangTimeline(long[] sentNanos, long[] latencyNanos, long hangAtNanos) {
        if (sentNanos.length != latencyNanos.length) {
            throw new IllegalArgumentException(sentNanos.length + " send times for " + latencyNanos.length + " latencies");
        }
        this.sent = sentNanos.clone();
        this.latency = latencyNanos.clone();
        this.hangAt = hangAtNanos;
    }

    /** @return the requests answered before the hang began */
    Window before() {
        return window("before the hang", i -> endsBeforeHang(i));
    }

    /**
     * @param seconds the length of the first window
     * @return the requests answered at or after the hang began and sent before hang + {@code seconds}
     */
    Window first(int seconds) {
        long limit = hangAt + seconds * 1_000_000_000L;
        return window("first " + seconds + " s of the hang", i -> !endsBeforeHang(i) && sent[i] < limit);
    }

    /**
     * @param seconds the length of the first window
     * @return the requests sent at or after hang + {@code seconds}
     */
    Window after(int seconds) {
        long limit = hangAt + seconds * 1_000_000_000L;
        return window("after " + seconds + " s of the hang", i -> sent[i] >= limit);
    }

    /** @return one window per second of sending since the hang began (second 0 also holds the requests in flight at the hang), in order */
    List<Window> perSecond() {
        long lastSecond = -1;
        for (int i = 0; i < sent.length; i++) {
            if (!endsBeforeHang(i)) {
                lastSecond = Math.max(lastSecond, secondOf(i));
            }
        }
        List<Window> out = new ArrayList<>();
        for (long s = 0; s <= lastSecond; s++) {
            long second = s;
            out.add(window("second " + s, i -> !endsBeforeHang(i) && secondOf(i) == second));
        }
        return out;
    }

    /** @return each request's send time in seconds since the hang began (negative before), same order as given */
    double[] secondsSinceHang() {
        return Arrays.stream(sent).mapToDouble(t -> (t - hangAt) / 1e9).toArray();
    }

    /** @return each request's latency in milliseconds, same order as given */
    double[] latencyMs() {
        return Arrays.stream(latency).mapToDouble(l -> l / 1e6).toArray();
    }

    private boolean endsBeforeHang(int i) {
        return sent[i] + latency[i] < hangAt;
    }

    private long secondOf(int i) {
        return Math.max(0, Math.floorDiv(sent[i] - hangAt, 1_000_000_000L));
    }

    private interface Pick {
        boolean test(int i);
    }

    private Window window(String name, Pick pick) {
        long[] picked = new long[sent.length];
        int n = 0;
        double sum = 0;
        for (int i = 0; i < sent.length; i++) {
            if (pick.test(i)) {
                picked[n++] = latency[i];
                sum += latency[i];
            }
        }
        if (n == 0) {
            return new Window(name, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Percentiles p = new Percentiles(Arrays.copyOf(picked, n));
        return new Window(name, n, sum / n / 1e6, p.at(50) / 1e6, p.at(99) / 1e6, p.at(100) / 1e6);
    }
}
