package io.lytx.servlet.internal.preview;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Finds the preview of a request: {@code ?lytics_preview=vip,known} sets it (remembered in a session
 * cookie), {@code ?lytics_preview=off} clears it, otherwise the cookie is used. Nothing is honoured
 * unless preview is enabled and, when a role is configured, the user has it ({@code isUserInRole});
 * a user without the role gets no preview even with the cookie.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreviewResolver {

    private final PreviewSettings settings;

    /** @param settings the preview settings, never null */
    public PreviewResolver(PreviewSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The request's preview, writing or clearing the cookie when the query asks to (only when the
     * response is not committed yet).
     *
     * @param request  the request, never null
     * @param response its response, or null when cookies cannot be written
     * @return the preview, or null for none
     */
    public Preview resolve(HttpServletRequest request, HttpServletResponse response) {
        Objects.requireNonNull(request, "request");
        if (!settings.enabled() || !allowed(request)) {
            return null;
        }
        String asked = queryValue(request.getQueryString());
        if (asked != null) {
            Preview preview = Preview.parse(asked);
            if (response != null && !response.isCommitted()) {
                response.addHeader("Set-Cookie", cookie(request, preview));
            }
            return preview;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (PreviewSettings.COOKIE.equals(c.getName())) {
                    return Preview.parse(decode(c.getValue()));
                }
            }
        }
        return null;
    }

    /** Only users in the role: preview without a role is refused at start-up, and never means "everyone". */
    private boolean allowed(HttpServletRequest request) {
        return settings.role() != null && request.isUserInRole(settings.role());
    }

    /** The raw query parameter (read from the query string only: the body is never consumed). */
    static String queryValue(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (PreviewSettings.PARAMETER.equals(name)) {
                String v = decode(eq < 0 ? "" : pair.substring(eq + 1));
                return v == null ? "off" : v;
            }
        }
        return null;
    }

    private static String cookie(HttpServletRequest request, Preview preview) {
        String path = request.getContextPath() == null || request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        String secure = request.isSecure() ? "; Secure" : "";
        if (preview == null) {
            return PreviewSettings.COOKIE + "=; Path=" + path + "; Max-Age=0; HttpOnly; SameSite=Lax" + secure;
        }
        return PreviewSettings.COOKIE + "=" + URLEncoder.encode(preview.text(), StandardCharsets.UTF_8) + "; Path=" + path
                + "; HttpOnly; SameSite=Lax" + secure;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
