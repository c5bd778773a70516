package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.entity.EntityQuery;
import io.lytx.client.testing.StubLyticsServer;
import io.lytx.client.testing.StubResponse;
import jakarta.ws.rs.core.Configuration;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that puts its own JAX-RS implementation ahead of the application's (WildFly: RESTEasy)
 * makes {@code ClientBuilder.newBuilder()} hand out that implementation's builder, which ignores
 * Jersey's configuration (connector, pool, timeouts) and cannot read the client's answers. Here the
 * context class loader names a foreign builder first, as such a server's does: the client must
 * still be built by Jersey and work.
 */
class ForeignJaxRsImplementationTest {

    private static final String SERVICE = "META-INF/services/jakarta.ws.rs.client.ClientBuilder";

    /** Stands for the server's JAX-RS implementation: counts every use, builds nothing. */
    public static final class ForeignClientBuilder extends JerseyClientBuilder {
        static final AtomicInteger USES = new AtomicInteger();

        @Override
        public JerseyClientBuilder withConfig(Configuration config) {
            USES.incrementAndGet();
            throw new IllegalStateException("the foreign JAX-RS implementation's builder was used");
        }
    }

    @Test
    void theClientIsJerseysWhicheverBuilderTheContextClassLoaderOffers(@TempDir Path dir) throws IOException {
        Path serviceFile = Files.writeString(dir.resolve("ClientBuilder"), ForeignClientBuilder.class.getName() + "\n");
        ClassLoader foreign = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return SERVICE.equals(name) ? Collections.enumeration(List.of(serviceFile.toUri().toURL()))
                        : super.getResources(name);
            }
        };
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        current.setContextClassLoader(foreign);
        try (StubLyticsServer server = StubLyticsServer.start()) {
            // the premise: asked this way, the JAX-RS API now offers the foreign builder
            assertThat(jakarta.ws.rs.client.ClientBuilder.newBuilder()).isInstanceOf(ForeignClientBuilder.class);
            server.enqueue(StubResponse.json(200, "{\"data\":{\"email\":\"ada@example.org\"},\"status\":200}"));
            try (LyticsClient client = LyticsClient.builder().baseUri(server.baseUri()).token("tok").build()) {
                assertThat(client.entities().get(EntityQuery.by("email", "ada@example.org")).fields().string("email"))
                        .as("an answer read as an InputStream through the Jersey client")
                        .contains("ada@example.org");
            }
        } finally {
            current.setContextClassLoader(before);
        }
        assertThat(ForeignClientBuilder.USES.get()).as("uses of the foreign builder").isZero();
    }
}
