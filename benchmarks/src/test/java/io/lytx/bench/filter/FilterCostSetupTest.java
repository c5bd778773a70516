package io.lytx.bench.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.LyticsContext;
import io.lytx.servlet.ProfileStatus;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The filter benchmark measures what it claims: after its set-up, a request through the real filter
 * is a cache hit of a known profile, the returning visitor gets no cookie, a page view is queued, and
 * the drain after an iteration empties the queue without a drop.
 */
class FilterCostSetupTest {

    @Test
    void benchmarkedRequestIsACacheHitOfAKnownProfile() throws Exception {
        FilterCostBenchmark bench = new FilterCostBenchmark();
        bench.start();
        try {
            FilterCostBenchmark.Exchange x = new FilterCostBenchmark.Exchange();
            x.bind(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
            long hitsBefore = bench.runtime().profiles().metrics().hits();
            long queuedBefore = bench.runtime().collector().metrics().enqueued();

            bench.holdWorker(); // as before a measured iteration: the worker's batch POSTs wait at the stub
            bench.filterCacheHitPageReads(x);

            LyticsContext context = LyticsContext.of(x.request);
            assertThat(context.isActive()).isTrue();
            assertThat(context.getStatus()).isEqualTo(ProfileStatus.KNOWN);
            assertThat(context.inSegment("vip")).isTrue();
            assertThat(x.response.headerCount()).as("no Set-Cookie for a returning visitor").isZero();
            assertThat(bench.runtime().profiles().metrics().hits()).isEqualTo(hitsBefore + 1);
            assertThat(bench.runtime().collector().metrics().enqueued()).isEqualTo(queuedBefore + 1);
            assertThat(bench.partBotCheck(x)).as("a browser's User-Agent is not a bot").isFalse();
            assertThat(x.request.getCookies()).as("the cookies were parsed from the Cookie header")
                    .extracting(jakarta.servlet.http.Cookie::getName).contains("seerid", "seerid_bind");

            bench.drain();

            var metrics = bench.runtime().collector().metrics();
            assertThat(metrics.queueDepth()).as("the queue is empty after drain").isZero();
            assertThat(metrics.sent() + metrics.rejected() + metrics.failed()).as("no page view is left unanswered")
                    .isEqualTo(metrics.enqueued());
            assertThat(bench.runtime().collector().metrics().dropped()).as("no page view was dropped").isZero();
            assertThat(bench.runtime().config().queueMaxEvents()).isEqualTo(FilterCostBenchmark.QUEUE_EVENTS);
            assertThat(bench.altBotCheckLowerCaseIndexOf(x)).as("the alternative agrees on a browser").isFalse();
        } finally {
            bench.stop();
        }
    }
}
