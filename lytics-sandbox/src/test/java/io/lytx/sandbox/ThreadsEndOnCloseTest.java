package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * When {@link LyticsSandbox#close()} returns, every thread the sandbox started has ended, not only
 * been told to: a servlet container (Tomcat's {@code clearReferencesThreads}) looks for the
 * application's threads right after undeploy and reports one still finishing as a leak. Input:
 * sandboxes started and stopped in a row, each after answering concurrent requests (so that
 * several worker threads exist). Must hold: right after each close, no thread of that run named
 * {@code lytics-sandbox...} (workers, selectors) or {@code grizzly...} (Grizzly's own pools) is alive.
 */
class ThreadsEndOnCloseTest {

    private static final int RUNS = 15;
    private static final int CONCURRENT = 12;

    @Test
    void noThreadOfTheSandboxOutlivesClose() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int run = 0; run < RUNS; run++) {
            List<Thread> others = sandboxThreads(); // of other tests' sandboxes in this JVM, if any
            LyticsSandbox sandbox = LyticsSandbox.start(SandboxOptions.defaults().withPort(0).withDemoData(false));
            List<CompletableFuture<HttpResponse<Void>>> calls = IntStream.range(0, CONCURRENT)
                    .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.baseUri() + "api/account/current"))
                            .header("Authorization", sandbox.adminToken()).build(), HttpResponse.BodyHandlers.discarding()))
                    .toList();
            for (CompletableFuture<HttpResponse<Void>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
            List<Thread> before = sandboxThreads().stream().filter(t -> !others.contains(t)).toList();
            assertThat(before).as("the sandbox's threads while it runs").isNotEmpty();

            sandbox.close();

            assertThat(before).as("run %d: threads alive right after close", run)
                    .filteredOn(Thread::isAlive).isEmpty();
        }
    }

    private static List<Thread> sandboxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("lytics-sandbox") || t.getName().startsWith("grizzly"))
                .toList();
    }
}
