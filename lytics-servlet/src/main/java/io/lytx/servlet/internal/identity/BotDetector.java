package io.lytx.servlet.internal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells crawlers, monitors and scripted clients from browsers by their {@code User-Agent}: a request
 * without one, or whose value matches the configured pattern, is a bot (nothing fetched, nothing
 * collected). Only the first 512 characters are examined, so hostile headers cost bounded time.
 * Verdicts are remembered for the most recent {@value #VERDICTS} distinct user agents (real traffic
 * repeats a few hundred of them), so the pattern runs once per user agent, not once per request; a
 * flood of unique values only evicts and costs what the pattern costs. Thread-safe.
 */
public final class BotDetector {

    private static final int EXAMINED = 512;
    private static final int VERDICTS = 1024;

    private final Pattern pattern;
    private final Cache<String, Boolean> verdicts = Caffeine.newBuilder().maximumSize(VERDICTS)
            .executor(Runnable::run).build(); // upkeep inline: no hand-off to a pool per page

    /** @param pattern the bot pattern, matched with {@code find()}; never null */
    public BotDetector(Pattern pattern) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * Whether the user agent is a bot.
     *
     * @param userAgent the header value, may be null (a bot)
     */
    public boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String examined = userAgent.length() > EXAMINED ? userAgent.substring(0, EXAMINED) : userAgent;
        Boolean known = verdicts.getIfPresent(examined);
        if (known != null) {
            return known;
        }
        boolean bot = pattern.matcher(examined).find();
        verdicts.put(examined, bot);
        return bot;
    }
}
