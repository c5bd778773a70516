package io.lytx.bench.sink;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one kind of batch POST cost the sink, request by request: how many, their events and body
 * bytes, and the time each body took to arrive, measured on the sink from the moment its handler
 * starts (the request line and headers have been read) until the body has been read to its end. A
 * body that arrives long after its headers shows up there: e.g. a client whose socket holds back
 * the body's last small segment until the headers are acknowledged (Nagle's algorithm against a
 * delayed ACK).
 *
 * <p>Keeps at most {@value #MAX_SAMPLES} times of each sort since the last {@link #reset()} (later
 * ones are counted in the totals but not in the percentiles). Thread-safe: every method locks the
 * instance, which costs nothing next to an HTTP request.
 */
public final class PostLog {

    /** Most requests whose times are kept between two resets. */
    static final int MAX_SAMPLES = 1 << 20;

    private final String name;
    private long requests;
    private long events;
    private long bytes;
    private long[] bodyNanos = new long[1024];
    private int samples;

    /** @param name how {@link #summary()} names this kind of request */
    public PostLog(String name) {
        this.name = name;
    }

    /**
     * Records one request.
     *
     * @param eventCount    events in its body
     * @param bodyBytes     bytes of its body
     * @param bodyNanos     from the handler's start until the body was read
     */
    public synchronized void record(long eventCount, long bodyBytes, long bodyNanos) {
        requests++;
        events += eventCount;
        bytes += bodyBytes;
        if (samples == MAX_SAMPLES) {
            return;
        }
        if (samples == this.bodyNanos.length) {
            this.bodyNanos = Arrays.copyOf(this.bodyNanos, samples * 2);
        }
        this.bodyNanos[samples] = bodyNanos;
        samples++;
    }

    /** Forgets every request recorded so far. */
    public synchronized void reset() {
        requests = 0;
        events = 0;
        bytes = 0;
        samples = 0;
    }

    /** @return requests recorded since the last reset */
    public synchronized long requests() {
        return requests;
    }

    /** @return events in the requests recorded since the last reset */
    public synchronized long events() {
        return events;
    }

    /** @return body bytes of the requests recorded since the last reset */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * One line: {@code <name> requests=.. events=.. events/request=.. bytes/event=.. body ms: mean=.. p50=..
     * p99=.. max=..}, or {@code <name> requests=0}.
     *
     * @return the summary of the requests since the last reset
     */
    public synchronized String summary() {
        if (requests == 0) {
            return name + " requests=0";
        }
        return String.format(Locale.ROOT, "%s requests=%d events=%d events/request=%.1f bytes/event=%.1f body ms: %s",
                name, requests, events, (double) events / requests, events == 0 ? 0.0 : (double) bytes / events,
                stats(bodyNanos, samples));
    }

    /** {@code mean=.. p50=.. p99=.. max=..} in milliseconds, nearest rank. */
    static String stats(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return String.format(Locale.ROOT, "mean=%.3f p50=%.3f p99=%.3f max=%.3f", sum / n / 1e6,
                rank(sorted, 50) / 1e6, rank(sorted, 99) / 1e6, sorted[n - 1] / 1e6);
    }

    private static long rank(long[] sorted, double p) {
        int r = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }
}
