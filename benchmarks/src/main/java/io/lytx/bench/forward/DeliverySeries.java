package io.lytx.bench.forward;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The events the sink has counted for one phase of a {@link ForwardingRace}, sampled over time:
 * cumulative totals at increasing times since the phase's first event, and the delivery rate over
 * each interval between two samples (the first interval starts at time 0 with none delivered).
 * Also the one text line per sample that the race prints and {@link ForwardingPlot} reads back
 * ({@link #line}, {@link #parse}). Not thread-safe.
 */
final class DeliverySeries {

    /**
     * One printed sample, as read back from a race's output.
     *
     * @param library         {@code lytics}, {@code segment} or {@code none}
     * @param mode            {@code max} or {@code rate}
     * @param plannedRate     the producers' schedule in events/s, 0 in {@code max} mode
     * @param seconds         the sample's time since the phase's first event
     * @param delivered       events delivered by then
     * @param ratePerSecond   events/s over the interval that ends at this sample
     * @param intervalSeconds that interval's length in seconds
     */
    record Sample(String library, String mode, double plannedRate, double seconds, long delivered, double ratePerSecond,
                  double intervalSeconds) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+) measured (max|rate (\\d+(?:\\.\\d+)?)/s): at (\\d+(?:\\.\\d+)?) s (\\d+) delivered,"
                    + " (-?\\d+(?:\\.\\d+)?) events/s over the last (\\d+(?:\\.\\d+)?) s$");

    private final List<long[]> samples = new ArrayList<>(); // {elapsed ns, delivered}

    /**
     * Adds a sample after the last one.
     *
     * @param elapsedNanos time since the phase's first event
     * @param delivered    events counted by the sink by then (this phase's only)
     * @return false, and nothing added, if {@code elapsedNanos} is not later than the last sample's
     * @throws IllegalArgumentException if {@code elapsedNanos} is not positive or {@code delivered} is negative
     */
    boolean add(long elapsedNanos, long delivered) {
        if (elapsedNanos <= 0 || delivered < 0) {
            throw new IllegalArgumentException("sample at " + elapsedNanos + " ns of " + delivered + " events");
        }
        if (!samples.isEmpty() && elapsedNanos <= samples.get(samples.size() - 1)[0]) {
            return false;
        }
        samples.add(new long[] {elapsedNanos, delivered});
        return true;
    }

    /**
     * Adds the phase's last sample, at its end. So that the last interval is not a sliver whose rate
     * means little (the final flush delivers a partial batch within milliseconds), a last sample less
     * than half {@code every} after the one before replaces that one: the last interval then lasts
     * between half and one and a half {@code every}.
     *
     * @param elapsedNanos time since the phase's first event, later than the last sample's
     * @param delivered    events counted by the sink by then
     * @param every        the sampling interval in nanoseconds, positive
     * @return false, and nothing changed, if {@code elapsedNanos} is not later than the last sample's
     * @throws IllegalArgumentException as {@link #add}
     */
    boolean finish(long elapsedNanos, long delivered, long every) {
        if (!samples.isEmpty()) {
            long last = samples.get(samples.size() - 1)[0];
            if (elapsedNanos <= last) {
                return false;
            }
            if (elapsedNanos - last < every / 2 && samples.size() > 1) {
                samples.remove(samples.size() - 1);
            }
        }
        return add(elapsedNanos, delivered);
    }

    /** @return the number of samples */
    int size() {
        return samples.size();
    }

    /**
     * @param i a sample's index, from 0
     * @return its time in seconds since the phase's first event
     */
    double seconds(int i) {
        return samples.get(i)[0] / 1e9;
    }

    /**
     * @param i a sample's index, from 0
     * @return the events delivered by then
     */
    long delivered(int i) {
        return samples.get(i)[1];
    }

    /**
     * @param i a sample's index, from 0
     * @return the length in seconds of the interval that ends at sample {@code i} (from 0 for the first)
     */
    double intervalSeconds(int i) {
        return (samples.get(i)[0] - (i == 0 ? 0 : samples.get(i - 1)[0])) / 1e9;
    }

    /**
     * @param i a sample's index, from 0
     * @return events delivered per second over the interval that ends at sample {@code i} (negative if
     *         the sink's count went down)
     */
    double ratePerSecond(int i) {
        long before = i == 0 ? 0 : samples.get(i - 1)[1];
        return (samples.get(i)[1] - before) / intervalSeconds(i);
    }

    /**
     * The next time to sample on a fixed grid: the first {@code due + k * every} (k &ge; 1) later than
     * {@code now}, so that a late sample shifts no later one and the samples missed meanwhile are skipped,
     * not taken in a burst.
     *
     * @param due   the time the sample just taken was due (any clock, nanoseconds)
     * @param now   the time it was taken, same clock
     * @param every the interval between samples, positive
     * @return the next sample's due time
     */
    static long nextSampleTime(long due, long now, long every) {
        long next = due + every;
        if (next <= now) {
            next += ((now - next) / every + 1) * every;
        }
        return next;
    }

    /**
     * @param label the phase's label as the race prints it: {@code <library> measured max} or
     *              {@code <library> measured rate <events/s>/s}
     * @param i     a sample's index, from 0
     * @return the sample's output line, which {@link #parse} reads back
     */
    String line(String label, int i) {
        return String.format(Locale.ROOT, "%s: at %.3f s %d delivered, %.0f events/s over the last %.3f s",
                label, seconds(i), delivered(i), ratePerSecond(i), intervalSeconds(i));
    }

    /**
     * @param line a line of a race's output
     * @return the sample it prints, if it is a sample line of a measured phase
     */
    static Optional<Sample> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        double planned = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        return Optional.of(new Sample(m.group(1), m.group(2).startsWith("rate") ? "rate" : "max", planned,
                Double.parseDouble(m.group(4)), Long.parseLong(m.group(5)), Double.parseDouble(m.group(6)),
                Double.parseDouble(m.group(7))));
    }
}
