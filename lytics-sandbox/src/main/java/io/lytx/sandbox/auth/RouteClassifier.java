package io.lytx.sandbox.auth;

import io.lytx.sandbox.entity.PublicEntityResource;
import io.lytx.sandbox.http.Route;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a route to the API area it touches and whether it reads or writes, by path prefix and
 * method. GET, HEAD and OPTIONS read; every other method writes, except the few POSTs that only
 * compute an answer (segment validation, ad-hoc sizes and scans, content classification without
 * storing is a GET). Stateless and thread-safe.
 */
public final class RouteClassifier {

    private static final List<Map.Entry<String, ApiArea>> PREFIXES = List.of(
            Map.entry("/_sandbox", ApiArea.SANDBOX),
            Map.entry("/c/", ApiArea.PUBLIC),
            Map.entry("/collect/", ApiArea.COLLECT),
            Map.entry("/api/entity", ApiArea.ENTITY),
            Map.entry("/api/me/{account}/", ApiArea.PUBLIC),
            Map.entry("/api/me/", ApiArea.ENTITY),
            Map.entry("/api/segment", ApiArea.SEGMENT),
            Map.entry("/api/content/recommend/{account}/", ApiArea.PUBLIC),
            Map.entry("/api/schema", ApiArea.SCHEMA),
            Map.entry("/api/content", ApiArea.CONTENT),
            Map.entry("/api/account", ApiArea.ACCOUNT),
            Map.entry("/api/user", ApiArea.USER),
            Map.entry("/api/auth", ApiArea.TOKEN),
            Map.entry("/v2/auth", ApiArea.TOKEN));

    private static final Pattern PUBLIC_ME =
            Pattern.compile("/api/me/(?:" + PublicEntityResource.ACCOUNT_PATTERN + ")/[^/]+");

    private static final Pattern PUBLIC_RECOMMEND = Pattern.compile(
            "/api/content/recommend/(?:" + PublicEntityResource.ACCOUNT_PATTERN + ")/user/[^/]+/[^/]+");

    private static final Set<String> READ_ONLY_POSTS = Set.of(
            "/api/segment/validate",
            "/api/segment/size",
            "/api/segment/sizes",
            "/api/segment/scan",
            "/api/segment/fieldinfo");

    private RouteClassifier() {
    }

    /**
     * The area a route touches.
     *
     * @param route the matched route; not null
     * @return the area; {@link ApiArea#SANDBOX} (admin only) for a template no prefix matches
     */
    public static ApiArea area(Route route) {
        String t = route.template();
        for (Map.Entry<String, ApiArea> e : PREFIXES) {
            String prefix = e.getKey();
            if (t.startsWith(prefix) || (t + "/").equals(prefix)) {
                return e.getValue();
            }
        }
        return ApiArea.SANDBOX;
    }

    /**
     * Whether a route reads or writes.
     *
     * @param route the matched route; not null
     * @return the access the call needs
     */
    public static Access access(Route route) {
        String m = route.method();
        if (m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS")) {
            return Access.READ;
        }
        if (m.equals("POST") && READ_ONLY_POSTS.contains(route.template())) {
            return Access.READ;
        }
        return Access.WRITE;
    }

    /**
     * Whether a raw request path needs no token: the JS tag's browser collection {@code /c/...},
     * the public personalization form {@code /api/me/{account}/{seerid}} and the public
     * recommendations {@code /api/content/recommend/{account}/user/{field}/{value}} (which Lytics'
     * pathfora, Drupal and WordPress code call from browsers without a token); account = 32-hex id
     * or numeric aid, {@link PublicEntityResource#ACCOUNT_PATTERN}. Only GET routes exist there.
     *
     * @param path the request path relative to the server root (still percent-encoded), with or
     *             without a leading slash; not null
     * @return true for the public browser endpoints
     */
    public static boolean isPublicPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.startsWith("/c/") || p.equals("/c") || PUBLIC_ME.matcher(p).matches()
                || PUBLIC_RECOMMEND.matcher(p).matches();
    }

    /**
     * Whether a raw request path is a sandbox control endpoint.
     *
     * @param path the request path, with or without a leading slash
     * @return true under {@code /_sandbox}
     */
    public static boolean isSandboxPath(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        return p.equals("/_sandbox") || p.startsWith("/_sandbox/");
    }
}
