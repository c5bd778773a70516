package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeUrlTest {

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "https://", "http:/x",
        "\\\\evil.example", "https://a.example/\u0000", "file:///etc/passwd", ""})
    void unsafeUrlsAreRefused(String url) {
        assertThat(SafeUrl.of(url)).as("input %s must not be linkable", url).isEmpty();
        assertThat(SafeUrl.ofContent(url)).as("input %s must not be linkable as content", url).isEmpty();
    }

    @ParameterizedTest(name = "kept: {0}")
    @ValueSource(strings = {"https://example.org/a?b=1#c", "http://example.org", "/local/path", "relative/page", "?q=1", "#top"})
    void httpAndRelativeUrlsAreKept(String url) {
        assertThat(SafeUrl.of(url)).contains(url);
    }

    @ParameterizedTest(name = "protocol-less content URL {0}")
    @ValueSource(strings = {"example.org/a", "www.example.org:8080/x?y=1", "example.org"})
    void lyticsProtocolLessContentUrlsGetHttps(String url) {
        assertThat(SafeUrl.ofContent(url)).contains("https://" + url);
    }

    @org.junit.jupiter.api.Test
    void overlongUrlsAreRefused() {
        assertThat(SafeUrl.of("https://example.org/" + "a".repeat(SafeUrl.MAX_LENGTH))).isEmpty();
    }
}
