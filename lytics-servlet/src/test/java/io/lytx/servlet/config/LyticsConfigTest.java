package io.lytx.servlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LyticsConfigTest {

    private static LyticsConfig load(Map<String, String> values) {
        return LyticsConfig.load(List.of(ConfigSource.map("context-param", values)));
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        LyticsConfig config = load(Map.of("lytics.api.token", "tok"));

        assertThat(config.active()).isTrue();
        assertThat(config.apiUrl()).isEqualTo(URI.create("https://api.lytics.io"));
        assertThat(config.stream()).isEqualTo("default");
        assertThat(config.budget()).isEqualTo(Duration.ofMillis(150));
        assertThat(config.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.cookieName()).isEqualTo("seerid");
        assertThat(config.cookieMaxAge()).isEqualTo(Duration.ofDays(365));
        assertThat(config.cookieDomain()).isEmpty();
        assertThat(config.cookieSecurity()).isEqualTo(CookieSecurity.AUTO);
        assertThat(config.consentGpc()).isFalse();
        assertThat(config.consentCookieName()).isEmpty();
        assertThat(config.identityField()).isEqualTo("email");
        assertThat(config.clientIp()).isEqualTo(ClientIpMode.ANONYMIZED);
        assertThat(config.statusEnabled()).isFalse();
        assertThat(config.queueMaxEvents()).isEqualTo(10_000);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.staticAssets().matches("/app.css")).isTrue();
    }

    @Test
    void higherLayersWinOverLowerOnesAndDefaults() {
        LyticsConfig config = LyticsConfig.load(List.of(
                ConfigSource.map("filter init-param", Map.of("lytics.budget.ms", "90")),
                ConfigSource.map("context-param", Map.of("lytics.budget.ms", "80", "lytics.stream", "web")),
                ConfigSource.map("system property", Map.of("lytics.stream", "ignored", "lytics.cookie.name", "vid")),
                ConfigSource.environment(Map.of("LYTICS_API_TOKEN", "from-env", "LYTICS_COOKIE_NAME", "ignored",
                        "LYTICS_ACCOUNT_ID", "acc1"))));

        assertThat(config.budget()).isEqualTo(Duration.ofMillis(90));
        assertThat(config.stream()).isEqualTo("web");
        assertThat(config.cookieName()).isEqualTo("vid");
        assertThat(config.apiToken()).contains("from-env");
        assertThat(config.accountId()).contains("acc1");
    }

    @Test
    void blankValuesCountAsAbsent() {
        LyticsConfig config = LyticsConfig.load(List.of(
                ConfigSource.map("context-param", Map.of("lytics.stream", "  ")),
                ConfigSource.map("system property", Map.of("lytics.stream", "fallback", "lytics.api.token", "t"))));

        assertThat(config.stream()).isEqualTo("fallback");
    }

    @Test
    void missingTokenDisablesWithoutFailing() {
        LyticsConfig config = load(Map.of());

        assertThat(config.active()).isFalse();
        assertThat(config.inactiveReason()).isEqualTo("no API token: set LYTICS_API_TOKEN or lytics.api.token");
    }

    @Test
    void theMissingTokenMessageUsesTheSitesSpellingOfTheSetting() {
        // input: no token, a framework that writes the key as lytics.api-token; must hold: the message names that
        LyticsConfig config = LyticsConfig.load(List.of(), key -> key.key().replace("api.token", "api-token"));

        assertThat(config.inactiveReason()).isEqualTo("no API token: set LYTICS_API_TOKEN or lytics.api-token");
    }

    @Test
    void switchedOffIsInactiveEvenWithToken() {
        LyticsConfig config = load(Map.of("lytics.api.token", "t", "lytics.enabled", "false"));

        assertThat(config.active()).isFalse();
        assertThat(config.inactiveReason()).contains("lytics.enabled");
    }

    @Test
    void invalidNumberNamesKeyLayerAndValue() {
        // input: lytics.budget.ms = "abc" as a context-param; must fail naming all three
        assertThatThrownBy(() -> load(Map.of("lytics.budget.ms", "abc")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("lytics.budget.ms")
                .hasMessageContaining("'abc'")
                .hasMessageContaining("context-param");
    }

    @Test
    void outOfRangeNumbersAreRejected() {
        // input: a zero and a negative budget, a huge queue; each must be refused naming its key
        assertThatThrownBy(() -> load(Map.of("lytics.budget.ms", "0"))).hasMessageContaining("lytics.budget.ms");
        assertThatThrownBy(() -> load(Map.of("lytics.budget.ms", "-5"))).hasMessageContaining("'-5'");
        assertThatThrownBy(() -> load(Map.of("lytics.queue.max.events", "99999999999")))
                .hasMessageContaining("lytics.queue.max.events");
        // input: a negative and a too long warm-up; zero is allowed (no warm-up)
        assertThatThrownBy(() -> load(Map.of("lytics.warmup.ms", "-1"))).hasMessageContaining("lytics.warmup.ms");
        assertThatThrownBy(() -> load(Map.of("lytics.warmup.ms", "30001"))).hasMessageContaining("'30001'");
        assertThat(load(Map.of("lytics.api.token", "tok", "lytics.warmup.ms", "0")).warmup()).isZero();
    }

    @Test
    void hostileStringsAreRejectedAndShownEscaped() {
        // input: a cookie domain carrying CR LF and a header; must fail, and the message must not
        // contain a raw line break (log injection)
        assertThatThrownBy(() -> load(Map.of("lytics.cookie.domain", "evil.com\r\nSet-Cookie: x=y")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("lytics.cookie.domain")
                .hasMessageContaining("\\u000d\\u000a")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n"));
        // input: cookie names with separators
        assertThatThrownBy(() -> load(Map.of("lytics.cookie.name", "see;rid"))).hasMessageContaining("lytics.cookie.name");
        assertThatThrownBy(() -> load(Map.of("lytics.cookie.name", "a=b"))).hasMessageContaining("lytics.cookie.name");
        // input: a stream name with a path
        assertThatThrownBy(() -> load(Map.of("lytics.stream", "../admin"))).hasMessageContaining("lytics.stream");
        // input: an identity field that is not a field name
        assertThatThrownBy(() -> load(Map.of("lytics.identity.field", "email/../x")))
                .hasMessageContaining("lytics.identity.field");
    }

    @Test
    void previewWithoutARoleFailsStartUpNamingTheRoleSetting() {
        // input: preview switched on with no role (or a blank one); must hold: start-up fails naming
        // lytics.preview.role (any visitor could otherwise reveal every segment-gated variant)
        assertThatThrownBy(() -> load(Map.of("lytics.api.token", "tok", "lytics.preview.enabled", "true")))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("lytics.preview.role")
                .hasMessageContaining("lytics.preview.enabled");
        assertThatThrownBy(() -> load(Map.of("lytics.preview.enabled", "true", "lytics.preview.role", "  ")))
                .hasMessageContaining("lytics.preview.role");
        assertThatThrownBy(() -> load(Map.of("lytics.preview.enabled", "true", "lytics.preview.role", "edi tor")))
                .hasMessageContaining("lytics.preview.role");
        assertThat(load(Map.of("lytics.preview.enabled", "true", "lytics.preview.role", "editor")).previewRole())
                .hasValue("editor");
        assertThat(load(Map.of("lytics.preview.enabled", "false")).active()).isFalse();
    }

    @Test
    void statusRoleIsOptionalAndValidated() {
        assertThat(load(Map.of()).statusRole()).isEmpty();
        assertThat(load(Map.of("lytics.status.role", "ops")).statusRole()).hasValue("ops");
        // input: a role with a line break; must fail naming the key
        assertThatThrownBy(() -> load(Map.of("lytics.status.role", "ops\r\nX: y"))).hasMessageContaining("lytics.status.role");
    }

    @Test
    void longValuesAreShortenedInMessages() {
        String huge = "x".repeat(10_000);
        // input: a 10,000-character stream name; the message must name the key and stay short
        assertThatThrownBy(() -> load(Map.of("lytics.stream", huge)))
                .hasMessageContaining("lytics.stream")
                .hasMessageContaining("(10000 chars)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }

    @Test
    void invalidTokenIsRejectedWithoutShowingIt() {
        String secret = "s3cr3t token\r\nwith-newline";
        // input: a token with a space and CR LF (would split the Authorization header)
        assertThatThrownBy(() -> load(Map.of("lytics.api.token", secret)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("lytics.api.token")
                .hasMessageContaining("<hidden>")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void tokenNeverAppearsInToStringOrDescription() {
        LyticsConfig config = load(Map.of("lytics.api.token", "very-secret-token-123"));

        assertThat(config.toString()).doesNotContain("very-secret-token-123").contains("lytics.api.token=set");
        assertThat(config.describe().values()).noneMatch(v -> v.contains("very-secret-token-123"));
    }

    @Test
    void urlMustBeAbsoluteHttp() {
        // input: non-http schemes, relative URIs and a URI with user info; each must be refused
        for (String bad : List.of("ftp://api.lytics.io", "api.lytics.io", "/relative", "http://user:pw@host/",
                "http://host/?q=1", "http://[::1")) {
            assertThatThrownBy(() -> load(Map.of("lytics.api.url", bad)))
                    .as("lytics.api.url=%s", bad)
                    .isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("lytics.api.url");
        }
        assertThat(load(Map.of("lytics.api.url", "http://127.0.0.1:8080/")).apiUrl().getPort()).isEqualTo(8080);
    }

    @Test
    void consentModesParseAndCookieModeNeedsACookieName() {
        assertThat(load(Map.of("lytics.consent.mode", "gpc")).consentGpc()).isTrue();
        LyticsConfig both = load(Map.of("lytics.consent.mode", "gpc,cookie", "lytics.consent.cookie.name", "consent"));
        assertThat(both.consentGpc()).isTrue();
        assertThat(both.consentCookieName()).contains("consent");
        assertThat(both.consentCookieValue()).isEqualTo("true");
        // input: cookie mode without its cookie name
        assertThatThrownBy(() -> load(Map.of("lytics.consent.mode", "cookie")))
                .hasMessageContaining("lytics.consent.cookie.name");
        // input: an unknown mode
        assertThatThrownBy(() -> load(Map.of("lytics.consent.mode", "maybe"))).hasMessageContaining("'maybe'");
        assertThatThrownBy(() -> load(Map.of("lytics.consent.mode", "none,gpc"))).hasMessageContaining("none");
    }

    @Test
    void badRegexAndBooleansAreRejected() {
        assertThatThrownBy(() -> load(Map.of("lytics.bot.pattern", "(["))).hasMessageContaining("lytics.bot.pattern");
        // input: "yes" is not a boolean here (only true/false)
        assertThatThrownBy(() -> load(Map.of("lytics.status.enabled", "yes"))).hasMessageContaining("'yes'");
        assertThatThrownBy(() -> load(Map.of("lytics.collect.ip", "partial")))
                .hasMessageContaining("full, anonymized, off");
    }

    @Test
    void refreshMustBeShorterThanTtl() {
        assertThatThrownBy(() -> load(Map.of("lytics.profile.ttl.s", "30", "lytics.profile.refresh.s", "30")))
                .hasMessageContaining("lytics.profile.refresh.s");
    }

    @Test
    void builderRanksAboveFallbacksAndRejectsUnknownKeys() {
        LyticsConfig config = LyticsConfig.builder()
                .apiToken("t")
                .budget(Duration.ofMillis(75))
                .set("lytics.cookie.domain", "Example.COM")
                .fallback(ConfigSource.map("context-param", Map.of("lytics.budget.ms", "500", "lytics.stream", "s2")))
                .build();

        assertThat(config.budget()).isEqualTo(Duration.ofMillis(75));
        assertThat(config.stream()).isEqualTo("s2");
        assertThat(config.cookieDomain()).contains("example.com");
        assertThatThrownBy(() -> LyticsConfig.builder().set("lytics.nope", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lytics.nope");
    }

    @Test
    void everyKeyHasAnEnvironmentName() {
        for (ConfigKey key : ConfigKey.values()) {
            assertThat(key.environmentName()).startsWith("LYTICS_").matches("[A-Z_]+");
            assertThat(ConfigKey.byName(key.key())).contains(key);
        }
        assertThat(ConfigKey.API_TOKEN.environmentName()).isEqualTo("LYTICS_API_TOKEN");
        assertThat(ConfigKey.COOKIE_MAX_AGE_DAYS.environmentName()).isEqualTo("LYTICS_COOKIE_MAX_AGE_DAYS");
    }
}
