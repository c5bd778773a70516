package io.lytx.bench.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs a {@link StubUpstream} as its own process, so that a benchmark can measure the CPU of the
 * sending process alone. Prints {@code SINK <baseUri>}, then answers each line read from stdin:
 * {@code count} prints {@code <lyticsEvents> <segmentEvents> <batches> <bodyBytes>}; {@code posts}
 * prints two lines, {@link PostLog#summary()} of the Lytics and of the Segment batch POSTs since the
 * last {@code reset}; {@code reset} forgets those (it prints nothing; the counts stay); end of input
 * (or {@code stop}) stops the sink and the process.
 */
public final class SinkMain {

    private SinkMain() {
    }

    /**
     * @param args ignored
     * @throws IOException if the port cannot be bound or stdin fails
     */
    public static void main(String[] args) throws IOException {
        try (StubUpstream sink = StubUpstream.start(4);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("SINK " + sink.baseUri());
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null && !"stop".equals(line.strip())) {
                switch (line.strip()) {
                    case "count" -> System.out.println(sink.lyticsEvents() + " " + sink.segmentEvents() + " "
                            + sink.batches() + " " + sink.bodyBytes());
                    case "posts" -> {
                        System.out.println(sink.lyticsPosts().summary());
                        System.out.println(sink.segmentPosts().summary());
                    }
                    case "reset" -> {
                        sink.lyticsPosts().reset();
                        sink.segmentPosts().reset();
                    }
                    default -> System.err.println("sink: unknown command " + line);
                }
                System.out.flush();
            }
        }
    }
}
