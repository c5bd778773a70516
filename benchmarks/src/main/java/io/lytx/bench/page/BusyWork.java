package io.lytx.bench.page;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The page's own work, for the "realistic page" variant of the example page figure: on a request that
 * carries the header {@value #HEADER}, spends about {@code micros} of CPU on a fixed computation
 * (xorshift rounds, no sleep, no allocation, no I/O) before the page is rendered. The number of rounds
 * is calibrated once, at start, on the thread's own CPU time ({@link #calibrate}). Thread-safe.
 */
final class BusyWork implements Filter {

    /** The request header that asks for the work. */
    static final String HEADER = "X-Bench-Work";

    /** Written so that the computation is never dead code. */
    private static volatile long sink;

    private final long rounds;

    /** @param rounds xorshift rounds per request that carries {@link #HEADER} */
    BusyWork(long rounds) {
        this.rounds = rounds;
    }

    /**
     * Rounds of the computation that take {@code micros} of this thread's CPU time: after a warm-up
     * of the loop (compiled), five timed runs of 2,000,000 rounds, their median rate.
     *
     * @param micros the CPU time wanted per request
     * @return the rounds
     */
    static long calibrate(long micros) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200; i++) {
            sink = spin(100_000, i + 1);
        }
        double[] nanosPerRound = new double[5];
        long n = 2_000_000;
        for (int i = 0; i < nanosPerRound.length; i++) {
            long start = threads.getCurrentThreadCpuTime();
            sink = spin(n, i + 7);
            nanosPerRound[i] = (threads.getCurrentThreadCpuTime() - start) / (double) n;
        }
        Arrays.sort(nanosPerRound);
        return Math.max(1, Math.round(micros * 1000.0 / nanosPerRound[2]));
    }

    /**
     * The computation: {@code n} xorshift64 rounds from {@code seed}.
     *
     * @param n    rounds
     * @param seed non-zero start
     * @return the last value
     */
    static long spin(long n, long seed) {
        long x = seed;
        for (long i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getHeader(HEADER) != null) {
            sink = spin(rounds, System.nanoTime() | 1);
        }
        chain.doFilter(request, response);
    }
}
