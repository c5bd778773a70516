package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.config.ConfigSource;
import io.lytx.servlet.config.LyticsConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotDetectorTest {

    private final BotDetector detector = new BotDetector(
            LyticsConfig.load(List.of(ConfigSource.map("test", Map.of()))).botPattern());

    @Test
    void browsersAreNotBots() {
        assertThat(detector.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0 Safari/537.36")).isFalse();
        assertThat(detector.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isFalse();
    }

    @Test
    void crawlersScriptsAndMissingAgentsAreBots() {
        assertThat(detector.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(detector.isBot("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)")).isTrue();
        assertThat(detector.isBot("curl/8.5.0")).isTrue();
        assertThat(detector.isBot("Java-http-client/17.0.12")).isTrue();
        assertThat(detector.isBot("Mozilla/5.0 HeadlessChrome/120.0")).isTrue();
        assertThat(detector.isBot(null)).isTrue();
        assertThat(detector.isBot("  ")).isTrue();
    }

    @Test
    void onlyTheStartOfAHugeHeaderIsExamined() {
        // input: a 100 KB user agent whose "bot" marker sits after the examined 512 characters;
        // it is judged on its start only (bounded cost), so it counts as a browser
        String ua = "Mozilla/5.0 " + "a".repeat(100_000) + " bot";
        assertThat(detector.isBot(ua)).isFalse();
    }

    @Test
    void rememberedVerdictsStayRightWhenManyAgentsAlternate() {
        // input: 3,000 distinct agents (more than the remembered 1,024), each asked twice, bots and
        // browsers interleaved; must hold: every answer equals the pattern's, first time and repeated
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3_000; i++) {
                String browser = "Mozilla/5.0 (X11; Linux x86_64) Chrome/" + i + ".0 Safari/537.36";
                String crawler = "Mozilla/5.0 (compatible; Googlebot/" + i + ".1)";
                assertThat(detector.isBot(browser)).as(browser).isFalse();
                assertThat(detector.isBot(crawler)).as(crawler).isTrue();
            }
        }
    }
}
