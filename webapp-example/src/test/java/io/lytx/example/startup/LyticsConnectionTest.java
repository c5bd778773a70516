package io.lytx.example.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LyticsConnectionTest {

    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @Test
    void withoutAnApiUrlTheExampleStartsTheSandbox() {
        assertThat(LyticsConnection.configured(NO_PROPERTIES::get, Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void aBlankApiUrlCountsAsAbsentLikeTheLibraryReadsIt() {
        Map<String, String> env = Map.of("LYTICS_API_URL", "  ", "LYTICS_API_TOKEN", "t");
        assertThat(LyticsConnection.configured(NO_PROPERTIES::get, env::get)).isEmpty();
    }

    @Test
    void environmentVariablesPointTheExampleAtARealLytics() {
        Map<String, String> env = Map.of("LYTICS_API_URL", "https://api.lytics.io", "LYTICS_API_TOKEN", "secret-token",
                "LYTICS_ACCOUNT_ID", "acct-1");
        LyticsConnection c = LyticsConnection.configured(NO_PROPERTIES::get, env::get).orElseThrow();
        assertThat(c.baseUri()).isEqualTo(URI.create("https://api.lytics.io"));
        assertThat(c.token()).isEqualTo("secret-token");
        assertThat(c.accountId()).isEqualTo("acct-1");
        assertThat(c.toString()).doesNotContain("secret-token").contains("token=set");
    }

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Map<String, String> props = Map.of("lytics.api.url", "http://127.0.0.1:9000/", "lytics.api.token", "p");
        Map<String, String> env = Map.of("LYTICS_API_URL", "https://api.lytics.io", "LYTICS_API_TOKEN", "e");
        LyticsConnection c = LyticsConnection.configured(props::get, env::get).orElseThrow();
        assertThat(c.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9000/"));
        assertThat(c.token()).isEqualTo("p");
        assertThat(c.accountId()).isNull();
    }

    @Test
    void anApiUrlWithoutATokenIsRefusedNamingTheMissingVariable() {
        // input: LYTICS_API_URL set, LYTICS_API_TOKEN absent; must hold: start-up fails, the message names the token
        Map<String, String> env = Map.of("LYTICS_API_URL", "https://api.lytics.io");
        assertThatThrownBy(() -> LyticsConnection.configured(NO_PROPERTIES::get, env::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LYTICS_API_TOKEN");
    }

    @Test
    void aNonHttpApiUrlIsRefused() {
        // input: LYTICS_API_URL=file:///etc/passwd; must hold: refused, the message shows the value
        Map<String, String> env = Map.of("LYTICS_API_URL", "file:///etc/passwd", "LYTICS_API_TOKEN", "t");
        assertThatThrownBy(() -> LyticsConnection.configured(NO_PROPERTIES::get, env::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file:///etc/passwd");
    }
}
