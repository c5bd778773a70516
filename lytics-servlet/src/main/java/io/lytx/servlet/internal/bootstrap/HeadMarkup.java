package io.lytx.servlet.internal.bootstrap;

import io.lytx.client.internal.Jsonp;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the {@code <head>} markup: the bootstrap in {@code <script type="application/json"
 * id="lytics-bootstrap">} (script-safe JSON), the helper as a classic synchronous {@code <script>}
 * (the request's CSP nonce on it), and optionally the official Lytics JS tag's loader placed after the
 * helper, configured to read the server's visitor-id cookie ({@code cookie}, {@code loadid:false}).
 *
 * <p>Stateless and thread-safe. Every dynamic value is escaped for its context.
 */
public final class HeadMarkup {

    /** A CSP nonce is base64 / base64url text; anything else is not written. */
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9+/_=-]{1,256}");

    private HeadMarkup() {
    }

    /**
     * Whether a nonce may be written (base64 characters, at most 256).
     *
     * @param nonce candidate, may be null
     */
    public static boolean validNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    /**
     * The head markup.
     *
     * @param bootstrap  the bootstrap's script-safe JSON text ({@link BootstrapJson#deferredText} or a decided page's {@link BootstrapText}), never null
     * @param helperUrl  URL of the helper script, never null
     * @param nonce      CSP nonce, or null (an invalid one is left out)
     * @param timeoutMs  {@code data-lytics-timeout} for cached pages, or null
     * @param tagSrc     URL of the official tag to load, or null for no loader
     * @param cookieName the visitor-id cookie the official tag must use (used with {@code tagSrc})
     */
    public static String render(String bootstrap, String helperUrl, String nonce, Integer timeoutMs, String tagSrc,
                                String cookieName) {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(helperUrl, "helperUrl");
        String nonceAttr = validNonce(nonce) ? " nonce=\"" + HtmlEscaper.escape(nonce) + "\"" : "";
        StringBuilder out = new StringBuilder(bootstrap.length() + helperUrl.length() + 256);
        out.append("<script type=\"application/json\" id=\"lytics-bootstrap\">")
                .append(bootstrap).append("</script>\n");
        out.append("<script src=\"").append(HtmlEscaper.escape(helperUrl)).append('"').append(nonceAttr);
        if (timeoutMs != null) {
            out.append(" data-lytics-timeout=\"").append(Math.max(0, Math.min(10_000, timeoutMs))).append('"');
        }
        out.append("></script>\n");
        if (tagSrc != null && SafeUrl.isSafe(tagSrc)) {
            out.append(loader(tagSrc, cookieName, nonceAttr));
        }
        return out.toString();
    }

    /**
     * The official tag's loader element: {@code <script data-lytics-tag="{config}">} with the loader
     * built from {@code tags/src/tag-loader.js} as its body (the same text on every page, so a CSP may
     * also allow it by hash). The loader keeps Lytics' v3 install contract: a {@code window.jstag} whose
     * methods queue until the library, loaded async from {@code src}, patches that same object in
     * place; then {@code init(config)} and the queued calls, starting with {@code jstag.pageView()}
     * (which the helper drops when the server already counted the page). The config names the
     * server's cookie and {@code loadid:false}; the loader keeps the tag from rewriting that cookie
     * with the value it already has (see {@code tags/README.md}).
     *
     * @param tagSrc     the library's URL, already checked by {@link SafeUrl}
     * @param cookieName the visitor-id cookie
     * @param nonceAttr  {@code  nonce="..."} or empty
     */
    static String loader(String tagSrc, String cookieName, String nonceAttr) {
        String config = Jsonp.PROVIDER.createObjectBuilder()
                .add("src", tagSrc).add("cookie", cookieName).add("loadid", false).build().toString();
        return "<script" + nonceAttr + " data-lytics-tag=\"" + HtmlEscaper.escape(config) + "\">" + TagLoader.TEXT + "</script>\n";
    }
}
