package io.lytx.bench.forward;

import io.lytx.bench.sink.SinkMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SinkMain} in a child JVM (same class path), so that the CPU it spends is not counted
 * in the sending process. Not thread-safe; {@link #close()} stops the child.
 */
final class SinkProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final URI baseUri;

    SinkProcess() throws IOException {
        this(null);
    }

    /** @param cpus a {@code taskset -c} CPU list for the child, or null for no pinning */
    SinkProcess(String cpus) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.addAll(List.of(java, "-Xmx512m",
                "-Dbench.stub.debug=" + Boolean.getBoolean("bench.stub.debug"), "-cp", System.getProperty("java.class.path"),
                SinkMain.class.getName()));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("SINK ")) {
            process.destroyForcibly();
            throw new IOException("the sink did not start: " + first);
        }
        baseUri = URI.create(first.substring(5).strip());
    }

    URI baseUri() {
        return baseUri;
    }

    /** @return {lyticsEvents, segmentEvents, batches, bodyBytes} */
    long[] counts() throws IOException {
        in.write("count\n");
        in.flush();
        String[] parts = out.readLine().strip().split(" ");
        long[] r = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            r[i] = Long.parseLong(parts[i]);
        }
        return r;
    }

    /**
     * @return {@link io.lytx.bench.sink.PostLog#summary()} of the Lytics and the Segment batch POSTs
     *         since the last {@link #resetPosts()}
     * @throws IOException if the child does not answer
     */
    String[] posts() throws IOException {
        in.write("posts\n");
        in.flush();
        return new String[] {out.readLine(), out.readLine()};
    }

    /**
     * Makes the sink forget the batch POSTs logged so far (the counts stay).
     *
     * @throws IOException if the child cannot be told
     */
    void resetPosts() throws IOException {
        in.write("reset\n");
        in.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
