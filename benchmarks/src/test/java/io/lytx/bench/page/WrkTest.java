package io.lytx.bench.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading wrk's summary and the latency curve its Lua {@code done} hook prints. */
class WrkTest {

    private static final String SUMMARY = """
            Running 10s test @ http://127.0.0.1:8080/
              2 threads and 32 connections
              Latency Distribution
                 50%  512.00us
                 75%    1.01ms
                 90%    2.50ms
                 99%   12.30ms
              10000 requests in 10.00s, 40.00MB read
            Requests/sec:   1000.00
            Transfer/sec:      4.00MB
            """;

    @Test
    void readsTheCurveInMillisecondsWhenEveryPercentileIsThere() throws Exception {
        // input: the summary plus one CURVE line (µs) per percentile of Wrk.CURVE, value = 10 × index; must hold:
        // throughput and p99 as before, and the curve in ms in CURVE's order (index i → i / 100 ms)
        StringBuilder out = new StringBuilder(SUMMARY);
        for (int i = 0; i < Wrk.CURVE.length; i++) {
            double p = Wrk.CURVE[i];
            out.append("CURVE ").append(p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p))
                    .append(' ').append(10 * i).append('\n');
        }

        Wrk.Result r = Wrk.parse(out.toString());

        assertThat(r.requestsPerSecond()).isEqualTo(1000.0);
        assertThat(r.p99Ms()).isEqualTo(12.3);
        assertThat(r.p50Ms()).isEqualTo(0.512);
        assertThat(r.curveMs()).hasSize(Wrk.CURVE.length);
        assertThat(r.curveMs()[3]).isEqualTo(0.03);
        assertThat(r.curveMs()[Wrk.CURVE.length - 1]).isEqualTo((Wrk.CURVE.length - 1) / 100.0);
    }

    @Test
    void givesNoCurveWhenItsLinesAreMissing() throws Exception {
        // input: the summary alone (an older wrk script); must hold: the figures, and an empty curve
        assertThat(Wrk.parse(SUMMARY).curveMs()).isEmpty();
    }

    @Test
    void aPausedLoadSendsNoMoreThanItsPaceAllows() throws Exception {
        // input: the real wrk, 2 connections for 2 s against a loopback page that answers at once, each connection
        // pausing 100 ms after each answer; must hold: at most 2 x (2,000 / 100 + 1) = 42 requests (an unpaced run of
        // the same page makes thousands), every one answered, and the visitor's cookies sent as given
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        java.util.Set<String> cookies = java.util.concurrent.ConcurrentHashMap.newKeySet();
        byte[] body = "<html>ok</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var server = io.lytx.bench.support.LoopbackServer.start("wrk-test", 2, 64, exchange -> {
            requests.incrementAndGet();
            cookies.add(String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        })) {
            Wrk.Result paced = Wrk.run(server.baseUri(), 1, 2, 2, "v-1", "a_bind=1.x; c=yes", null, null, 100);

            assertThat(paced.errors()).isZero();
            assertThat(paced.requests()).isPositive().isLessThanOrEqualTo(42);
            assertThat(requests.get()).isLessThanOrEqualTo(42);
            assertThat(cookies).containsExactly("seerid=v-1; a_bind=1.x; c=yes");
        }
    }
}
