package io.lytx.servlet.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusExposureTest {

    @Test
    void internalHostsAreNeverShown() {
        // input: upstream URLs on loopback, private, link-local, CGNAT and unique-local addresses and
        // internal names; must hold: only "(internal host)" is shown
        for (String url : new String[] {"http://127.0.0.1:41237/", "http://10.1.2.3/api", "https://172.20.0.5",
                "http://192.168.1.10:8080", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1",
                "http://[::1]:8080/", "http://[fd12:3456::1]/", "http://0.0.0.0/", "http://localhost:8080",
                "http://sandbox:8080/", "https://lytics.internal/", "http://api.svc/", "https://mock.local"}) {
            assertThat(ShownUrl.of(url)).as(url).isEqualTo(ShownUrl.INTERNAL);
        }
    }

    @Test
    void publicUrlsLoseCredentialsQueryAndFragment() {
        // input: credentials in the user info and the query; must hold: neither is shown
        assertThat(ShownUrl.of("https://user:s3cret@api.lytics.io/v2?access_token=abc#x")).isEqualTo("https://api.lytics.io/v2");
        assertThat(ShownUrl.of("https://api.lytics.io")).isEqualTo("https://api.lytics.io");
        assertThat(ShownUrl.of("ftp://example.com/")).isEqualTo(ShownUrl.UNSHOWN);
        assertThat(ShownUrl.of("http://exa mple.com/")).isEqualTo(ShownUrl.UNSHOWN);
    }

    @Test
    void theStatusJsonShowsNoInternalUrlOrCredentials() {
        String json = StatusJson.render(Map.of("lastError", "connect to http://10.0.0.5:8080/x failed"),
                Map.of("lytics.api.url", "http://admin:pw@127.0.0.1:9999/", "lytics.stream", "default",
                        "lytics.tag.src", "https://u:p@cdn.example.com/tag.js?key=1"));
        assertThat(json).doesNotContain("127.0.0.1").doesNotContain("10.0.0.5").doesNotContain("pw")
                .doesNotContain("key=1").contains("\"lytics.api.url\":\"(internal host)\"")
                .contains("\"lytics.tag.src\":\"https://cdn.example.com/tag.js\"").contains("\"lytics.stream\":\"default\"");
    }

    @Test
    void onlyLoopbackLiteralsAreLoopbackCallers() {
        assertThat(StatusAccess.isLoopbackLiteral("127.0.0.1")).isTrue();
        assertThat(StatusAccess.isLoopbackLiteral("127.8.9.10")).isTrue();
        assertThat(StatusAccess.isLoopbackLiteral("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(StatusAccess.isLoopbackLiteral("::1")).isTrue();
        // input: names and other addresses; must hold: never loopback, and no name is resolved
        assertThat(StatusAccess.isLoopbackLiteral("localhost")).isFalse();
        assertThat(StatusAccess.isLoopbackLiteral("203.0.113.9")).isFalse();
        assertThat(StatusAccess.isLoopbackLiteral("10.0.0.1")).isFalse();
        assertThat(StatusAccess.isLoopbackLiteral("")).isFalse();
        assertThat(StatusAccess.isLoopbackLiteral(null)).isFalse();
    }
}
