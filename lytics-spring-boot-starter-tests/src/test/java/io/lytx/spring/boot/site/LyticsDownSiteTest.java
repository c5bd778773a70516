package io.lytx.spring.boot.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Lytics unreachable (a loopback port nobody listens on): pages are served with their default content,
 * the breaker opens, and the site's health stays UP with {@code lytics} UP, {@code degraded}, naming the
 * last failure. Personalization is optional: it never takes the site's health down.
 */
@SpringBootTest(classes = TestSite.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class LyticsDownSiteTest {

    @DynamicPropertySource
    static void lytics(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/";
        registry.add("lytics.api-url", () -> url);
        registry.add("lytics.api-token", () -> "t0ken");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void healthStaysUpWhileLyticsIsDown() {
        JsonObject lytics = await().atMost(Duration.ofSeconds(60)).until(() -> {
            // returning visitors (a cookie id Lytics would know): each page asks Lytics, and fails
            HttpResponse<String> page = new Browser(port).cookie("seerid", UUID.randomUUID().toString()).page("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Hello <span>there</span>").contains("[NOT-KNOWN-USERS]");
            return health().getJsonObject("components").getJsonObject("lytics");
        }, l -> "OPEN".equals(l.getJsonObject("details").getString("breaker")));

        JsonObject site = health();
        assertThat(site.getString("status")).isEqualTo("UP");
        assertThat(lytics.getString("status")).isEqualTo("UP");
        assertThat(lytics.getJsonObject("details").getString("state")).isEqualTo("degraded");
        JsonObject last = lytics.getJsonObject("details").getJsonObject("lastUpstreamError");
        // whichever failed last: the page asks for a profile and recommendations, the collector sends its views
        assertThat(last.getString("api")).isIn("profile", "recommendations", "collect");
        assertThat(last.getString("outcome")).isIn("error", "timeout");
    }

    private JsonObject health() {
        HttpResponse<String> health = new Browser(port).json("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        return Json.createReader(new StringReader(health.body())).readObject();
    }
}
