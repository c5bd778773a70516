package io.lytx.bench.page;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop page load that times every request: {@code connections} threads, each with one
 * keep-alive HTTP/1.1 connection to a loopback page, send a browser's GET as soon as the previous
 * answer has been read, each time as a new returning visitor (a random {@code seerid} cookie: a
 * profile the plugin has not cached). For each request it keeps when it was sent and how long the
 * whole answer took ({@link System#nanoTime()}), so that latency can be followed second by second
 * (wrk only gives percentiles of a whole run). Not thread-safe: one {@link #run} at a time.
 */
final class TimedLoad {

    /** Every request of a run: send times and latencies in nanoseconds, same order, as parallel arrays. */
    record Samples(long[] sentNanos, long[] latencyNanos, long errors) {
    }

    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    private final URI page;
    private final int connections;

    /**
     * @param page        a {@code http://127.0.0.1:port/path} page that answers with a Content-Length
     * @param connections threads and connections, at least 1
     */
    TimedLoad(URI page, int connections) {
        if (!"127.0.0.1".equals(page.getHost())) {
            throw new IllegalArgumentException("loopback only: " + page);
        }
        this.page = page;
        this.connections = connections;
    }

    /**
     * Loads the page until {@code untilNanos} ({@link System#nanoTime()}); blocks until every thread
     * has read its last answer.
     *
     * @param untilNanos when to stop sending
     * @return every completed request
     * @throws InterruptedException if interrupted while waiting for the threads
     */
    Samples run(long untilNanos) throws InterruptedException {
        List<long[][]> perThread = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[][] own = new long[2][];
            perThread.add(own);
            Thread t = new Thread(() -> loop(untilNanos, own, errors), "timed-load-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int n = perThread.stream().mapToInt(a -> a[0].length).sum();
        long[] sent = new long[n];
        long[] latency = new long[n];
        int at = 0;
        for (long[][] own : perThread) {
            System.arraycopy(own[0], 0, sent, at, own[0].length);
            System.arraycopy(own[1], 0, latency, at, own[1].length);
            at += own[0].length;
        }
        return new Samples(sent, latency, errors.get());
    }

    private void loop(long untilNanos, long[][] out, AtomicLong errors) {
        long[] sent = new long[1 << 14];
        long[] latency = new long[1 << 14];
        int n = 0;
        Socket socket = null;
        InputStream in = null;
        try {
            while (System.nanoTime() < untilNanos) {
                if (socket == null) {
                    socket = new Socket(InetAddress.getLoopbackAddress(), page.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(10_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16384);
                }
                byte[] request = request(UUID.randomUUID().toString());
                long start = System.nanoTime();
                try {
                    OutputStream os = socket.getOutputStream();
                    os.write(request);
                    os.flush();
                    readAnswer(in);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    socket.close();
                    socket = null;
                    continue;
                }
                long end = System.nanoTime();
                if (n == sent.length) {
                    sent = Arrays.copyOf(sent, n * 2);
                    latency = Arrays.copyOf(latency, n * 2);
                }
                sent[n] = start;
                latency[n] = end - start;
                n++;
            }
        } catch (IOException e) {
            errors.incrementAndGet();
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing
                }
            }
            out[0] = Arrays.copyOf(sent, n);
            out[1] = Arrays.copyOf(latency, n);
        }
    }

    private byte[] request(String visitor) {
        return ("GET " + page.getRawPath() + " HTTP/1.1\r\nHost: 127.0.0.1:" + page.getPort()
                + "\r\nAccept: text/html,application/xhtml+xml\r\nAccept-Language: en-US\r\nUser-Agent: " + UA
                + "\r\nCookie: seerid=" + visitor + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one answer from the connection's buffered stream: the head up to the blank line, then Content-Length bytes; fails on any other status than 200. */
    private static void readAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int last4 = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the answer's head");
            }
            head.append((char) b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) {
                break;
            }
        }
        String h = head.toString();
        if (!h.startsWith("HTTP/1.1 200")) {
            throw new IOException("answer: " + h.lines().findFirst().orElse(""));
        }
        int i = h.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
        if (i < 0) {
            throw new IOException("no Content-Length");
        }
        int end = h.indexOf('\r', i);
        long remaining = Long.parseLong(h.substring(i + "content-length:".length(), end).strip());
        byte[] skip = new byte[8192];
        while (remaining > 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, remaining));
            if (n < 0) {
                throw new IOException("connection closed in the body");
            }
            remaining -= n;
        }
    }
}
