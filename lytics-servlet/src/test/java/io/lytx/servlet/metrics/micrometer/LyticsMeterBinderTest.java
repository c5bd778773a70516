package io.lytx.servlet.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.internal.collect.CollectEvent;
import io.lytx.servlet.internal.metrics.UpstreamCalls;
import io.lytx.servlet.internal.profile.Deadline;
import io.lytx.servlet.internal.profile.LookupKey;
import io.lytx.servlet.internal.runtime.LyticsRuntime;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer meters over a real runtime whose client talks over loopback to a stub Lytics (answer
 * bodies shaped like Lytics' own, see {@link LyticsFixtures}).
 */
class LyticsMeterBinderTest {

    /** Lytics' {@code /collect/json} answer for one accepted event. */
    private static final StubResponse COLLECTED =
            StubResponse.json(200, LyticsFixtures.COLLECT_OK.replace("\"message_count\":3", "\"message_count\":1")
                    .replace("\"rejected_count\":1", "\"rejected_count\":0"));
    private static final StubResponse UNAUTHORIZED =
            StubResponse.json(401, "{\"status\":401,\"message\":\"Unauthorized\",\"data\":null}");

    @Test
    void metersReadTheCountersOfTheRunningPlugin() {
        try (StubLyticsServer lytics = StubLyticsServer.start()) {
            lytics.dispatcher(request -> request.path().startsWith("/collect/") ? COLLECTED
                    : request.target().contains("refused") ? UNAUTHORIZED
                    : StubResponse.json(200, LyticsFixtures.ENTITY_FOUND));
            LyticsConfig config = LyticsConfig.builder().apiToken("test-token-not-secret")
                    .set(ConfigKey.API_URL, lytics.baseUri().toString()).set(ConfigKey.WARMUP_MS, "0")
                    .set(ConfigKey.BATCH_LINGER_MS, "10").set(ConfigKey.JMX_ENABLED, "false")
                    .set(ConfigKey.BUDGET_MS, "10000").build(); // a cold JVM on a shared machine: no timeouts
            try (LyticsRuntime runtime = LyticsRuntime.start(config, "/shop")) {
                MeterRegistry registry = new SimpleMeterRegistry();
                new LyticsMeterBinder(runtime::metrics, Tags.of("site", "shop")).bindTo(registry);

                // input: two lookups of one visitor (a miss, then a hit), one Lytics refuses (401), one event
                lookup(runtime, "pat@example.org");
                lookup(runtime, "pat@example.org");
                lookup(runtime, "refused@example.org");
                runtime.collector().offer(CollectEvent.builder().id("ev-1").put("url", "example.org/").build());

                await().atMost(Duration.ofSeconds(20)).until(() -> counter(registry, "lytics.collector.events",
                        "result", "sent") == 1);
                assertThat(counter(registry, "lytics.profile.cache.gets", "result", "hit")).isEqualTo(1);
                assertThat(counter(registry, "lytics.profile.cache.gets", "result", "miss")).isEqualTo(2);
                assertThat(counter(registry, "lytics.profile.cache.loads", "result", "success")).isEqualTo(1);
                assertThat(counter(registry, "lytics.profile.cache.loads", "result", "failure")).isEqualTo(1);
                FunctionTimer found = timer(registry, "profile", "success");
                assertThat(found.count()).isEqualTo(1);
                assertThat(found.totalTime(TimeUnit.NANOSECONDS)).isPositive();
                assertThat(timer(registry, "profile", "refused").count()).isEqualTo(1);
                assertThat(timer(registry, "profile", "error").count()).isZero();
                assertThat(timer(registry, "collect", "success").count()).isEqualTo(1);
                assertThat(registry.get("lytics.breaker.state").tag("state", "closed").gauge().value()).isEqualTo(1);
                assertThat(registry.get("lytics.breaker.state").tag("state", "open").gauge().value()).isZero();
                assertThat(registry.get("lytics.collector.queue.depth").gauge().value()).isZero();
                assertThat(counter(registry, "lytics.collector.events", "result", "dropped")).isZero();
                assertThat(registry.get("lytics.pages").tag("site", "shop").functionCounter().count()).isZero();
                UpstreamCalls.LastError last = runtime.metrics().lastUpstreamError().orElseThrow();
                assertThat(last.api()).isEqualTo(UpstreamCalls.Api.PROFILE);
                assertThat(last.outcome()).isEqualTo(UpstreamCalls.Outcome.REFUSED);
                assertThat(last.what()).isEqualTo("HTTP 401");
            }
        }
    }

    @Test
    void metersReadZeroWhileThePluginIsNotRunning() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new LyticsMeterBinder(() -> null, Tags.empty()).bindTo(registry);

        assertThat(counter(registry, "lytics.profile.cache.gets", "result", "hit")).isZero();
        assertThat(timer(registry, "recommendations", "timeout").count()).isZero();
        assertThat(registry.get("lytics.breaker.state").tag("state", "closed").gauge().value()).isZero();
        assertThat(registry.get("lytics.collector.queue.bytes").gauge().value()).isZero();
    }

    @Test
    void onlyTheMicrometerPackageRefersToMicrometer() throws IOException {
        // Micrometer is optional: a class outside this package that names it would fail to load without it
        Path classes = Path.of(LyticsRuntime.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path own = classes.resolve("io/lytx/servlet/metrics/micrometer");
        List<Path> referring;
        try (Stream<Path> files = Files.walk(classes)) {
            referring = files.filter(p -> p.toString().endsWith(".class") && !p.startsWith(own))
                    .filter(LyticsMeterBinderTest::mentionsMicrometer).toList();
        }
        assertThat(Files.isDirectory(own)).isTrue();
        assertThat(referring).isEmpty();
    }

    private static boolean mentionsMicrometer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("io/micrometer/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lookup(LyticsRuntime runtime, String email) {
        runtime.profiles().profile(new LookupKey("email", email), Deadline.after(Duration.ofSeconds(10))).join();
    }

    private static double counter(MeterRegistry registry, String name, String tag, String value) {
        return registry.get(name).tag(tag, value).functionCounter().count();
    }

    private static FunctionTimer timer(MeterRegistry registry, String api, String outcome) {
        return registry.get("lytics.upstream.calls").tag("api", api).tag("outcome", outcome).functionTimer();
    }
}
