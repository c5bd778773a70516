package io.lytx.bench.forward;

import java.io.IOException;
import java.net.URI;

/** Public handle on a {@link SinkProcess} for other benchmark packages. Not thread-safe. */
public final class SinkLauncher implements AutoCloseable {

    private final SinkProcess process;

    private SinkLauncher(SinkProcess process) {
        this.process = process;
    }

    /**
     * Starts the stub sink in a child JVM.
     *
     * @return the running sink
     * @throws IOException if it does not start
     */
    public static SinkLauncher start() throws IOException {
        return new SinkLauncher(new SinkProcess());
    }

    /**
     * Starts the stub sink in a child JVM pinned to CPUs.
     *
     * @param cpus a {@code taskset -c} CPU list, or null for no pinning
     * @return the running sink
     * @throws IOException if it does not start
     */
    public static SinkLauncher start(String cpus) throws IOException {
        return new SinkLauncher(new SinkProcess(cpus));
    }

    /** @return the sink's base URI */
    public URI baseUri() {
        return process.baseUri();
    }

    /**
     * @return {lyticsEvents, segmentEvents, batches, bodyBytes}
     * @throws IOException if the child does not answer
     */
    public long[] counts() throws IOException {
        return process.counts();
    }

    @Override
    public void close() throws IOException {
        process.close();
    }
}
