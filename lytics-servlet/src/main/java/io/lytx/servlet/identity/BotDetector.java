package io.lytx.servlet.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tells crawlers, monitors and scripted clients from browsers by their {@code User-Agent}: a request
 * without one, or whose value matches the configured pattern, is a bot (nothing fetched, nothing
 * collected). Only the first 512 characters are examined, so hostile headers cost bounded time.
 * Immutable and thread-safe.
 */
public final class BotDetector {

    private static final int EXAMINED = 512;

    private final Pattern pattern;

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
        CharSequence examined = userAgent.length() > EXAMINED ? userAgent.subSequence(0, EXAMINED) : userAgent;
        return pattern.matcher(examined).find();
    }
}
