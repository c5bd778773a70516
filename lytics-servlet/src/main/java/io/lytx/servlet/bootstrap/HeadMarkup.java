package io.lytx.servlet.bootstrap;

import io.lytx.servlet.json.Jsonp;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes the {@code <head>} markup: the bootstrap in {@code <script type="application/json"
 * id="lytics-bootstrap">} (script-safe JSON), the helper as a classic synchronous {@code <script>}
 * (the request's CSP nonce on it), and optionally the official Lytics JS tag loader placed after the
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
            out.append("<script").append(nonceAttr).append('>').append(loader(tagSrc, cookieName)).append("</script>\n");
        }
        return out.toString();
    }

    /**
     * The official tag loader: a queueing {@code window.jstag} stand-in (the v3 install pattern: calls
     * made before the library arrives are queued and replayed), {@code jstag.init} with the server's
     * cookie and {@code loadid:false}, then {@code jstag.pageView()} (which the helper drops when the
     * server already counted the page).
     */
    static String loader(String tagSrc, String cookieName) {
        String config = ScriptJson.write(Jsonp.PROVIDER.createObjectBuilder()
                .add("src", tagSrc).add("cookie", cookieName).add("loadid", false).build());
        return "(function(w,d){if(w.jstag){return;}var q=[],j={_q:q};"
                + "['send','mock','identify','pageView','unblock','getid','setid','loadEntity','getEntity','on','once','call']"
                + ".forEach(function(m){j[m]=function(){q.push([m,[].slice.call(arguments)]);return j;};});"
                + "j.init=function(c){j.config=c;var s=d.createElement('script');s.async=true;s.src=c.src;"
                + "s.onload=function(){var t=w.jstag;if(t&&t!==j&&t.init){t.init(j.config);"
                + "q.forEach(function(e){if(typeof t[e[0]]==='function'){t[e[0]].apply(t,e[1]);}});}};"
                + "var f=d.getElementsByTagName('script')[0];f.parentNode.insertBefore(s,f);return j;};w.jstag=j;})(window,document);\n"
                + "jstag.init(" + config + ");jstag.pageView();";
    }
}
