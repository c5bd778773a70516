package io.lytx.servlet.internal.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lytx.servlet.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Objects;

/**
 * Remembers which (known identity, visitor id) pairs have already been sent to Lytics in an identify
 * event, so that each pair is stitched once per session: in the HTTP session when one exists (none
 * is created), else in a bounded in-memory cache (entries expire 30 minutes after last use, like a
 * session).
 *
 * <p>Thread-safe; never blocks. Two concurrent first requests of one session may both report a
 * first meeting; the identify event is idempotent in Lytics, so this is harmless.
 */
public final class StitchTracker {

    static final String SESSION_ATTRIBUTE = "io.lytx.servlet.identity.stitched";

    private final Cache<String, Boolean> recent;

    /** @param maxEntries bound of the in-memory cache, at least 1 */
    public StitchTracker(long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.recent = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(Duration.ofMinutes(30))
                .executor(Runnable::run)
                .build();
    }

    /**
     * Whether this request is the first where this known identity and visitor id meet; records the
     * meeting. False when the identity is not known or has no visitor id.
     *
     * @param request  the current request, never null
     * @param identity the request's identity, never null
     */
    public boolean firstMeeting(HttpServletRequest request, Identity identity) {
        Objects.requireNonNull(identity, "identity");
        if (!identity.known() || identity.visitorId() == null) {
            return false;
        }
        String pair = identity.knownField() + '\u0000' + identity.knownValue() + '\u0000' + identity.visitorId();
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                if (pair.equals(session.getAttribute(SESSION_ATTRIBUTE))) {
                    return false;
                }
                session.setAttribute(SESSION_ATTRIBUTE, pair);
                recent.put(pair, Boolean.TRUE);
                return true;
            } catch (IllegalStateException invalidated) {
                // fall through to the in-memory record
            }
        }
        return recent.asMap().putIfAbsent(pair, Boolean.TRUE) == null;
    }
}
