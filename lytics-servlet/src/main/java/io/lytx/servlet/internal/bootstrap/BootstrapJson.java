package io.lytx.servlet.internal.bootstrap;

import io.lytx.servlet.internal.preview.Personalization;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bootstrap: the server's decision handed to the JS helper (the contract of
 * {@code tags/README.md}, version {@value #VERSION}): {@code visitorId}, {@code status}
 * ({@code known|new|unavailable}), {@code segments}, allow-listed {@code fields} (PII only when
 * configured), the {@code recommendations} the page used (safe URLs only), {@code pvid},
 * {@code counted}, {@code consent}, {@code endpoints} and {@code tag.cookie}. Never contains the API
 * token or a field outside the allow-list.
 *
 * <p>A decided page's text comes from a {@link BootstrapText} (one per deployment); this class holds
 * the contract's constants, the deferred form and the writers of its parts. Every text is
 * script-safe ({@link ScriptJson}): it goes into a {@code <script>} element as it is. Stateless and
 * thread-safe.
 */
public final class BootstrapJson {

    /** Contract version ({@code v}). */
    public static final int VERSION = 1;
    /** Consent values of the contract. */
    public static final Set<String> CONSENTS = Set.of("granted", "pending", "denied", "not-required");

    /** Most segments written. */
    static final int MAX_SEGMENTS = 500;
    /** Most recommendations written. */
    static final int MAX_RECOMMENDATIONS = 50;

    private BootstrapJson() {
    }

    /**
     * Where the helper talks to.
     *
     * @param profile URL of {@code GET {base}/profile} (context path included)
     * @param collect URL of {@code POST {base}/collect}
     */
    public record Endpoints(String profile, String collect) {
        /** @throws NullPointerException if a URL is null */
        public Endpoints {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(collect, "collect");
        }

        /**
         * Same URLs. Written out, like {@link #hashCode()} and {@link #toString()}: part of a cache
         * key, and a record's generated methods would keep the web application's class loader alive
         * after undeploy on JDK 17 (see {@link io.lytx.servlet.internal.profile.LookupKey#equals}).
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Endpoints e && profile.equals(e.profile) && collect.equals(e.collect);
        }

        @Override
        public int hashCode() {
            return 31 * profile.hashCode() + collect.hashCode();
        }

        @Override
        public String toString() {
            return "Endpoints[profile=" + profile + ", collect=" + collect + "]";
        }
    }

    /**
     * The script-safe JSON text of the deferred bootstrap of a page served from a cache: the helper
     * asks {@code /profile}. It names the visitor-id cookie ({@code tag.cookie}, the same for every
     * visitor) so that the official tag reads the server's cookie on cached pages too.
     *
     * @param endpoints  the endpoint URLs, never null
     * @param cookieName the visitor-id cookie's name, never null
     */
    public static String deferredText(Endpoints endpoints, String cookieName) {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(cookieName, "cookieName");
        StringBuilder out = new StringBuilder(128);
        try (JsonGenerator g = ScriptJson.generator(out)) {
            g.writeStartObject().write("v", VERSION).write("deferred", true);
            endpoints(g, endpoints);
            g.writeStartObject("tag").write("cookie", cookieName).writeEnd();
            g.writeEnd();
        }
        return out.toString();
    }

    static void endpoints(JsonGenerator g, Endpoints e) {
        g.writeStartObject("endpoints").write("profile", e.profile()).write("collect", e.collect()).writeEnd();
    }

    static void strings(JsonGenerator g, String name, Collection<String> values, int max) {
        g.writeStartArray(name);
        int n = 0;
        for (String s : values) {
            if (s != null && n < max) {
                g.write(s);
                n++;
            }
        }
        g.writeEnd();
    }

    static void fields(JsonGenerator g, Personalization p, BootstrapSettings settings) {
        g.writeStartObject("fields");
        for (String name : settings.fields()) {
            if (!settings.exposes(name)) {
                continue;
            }
            Object v = p.rawField(name);
            if (v instanceof String s) {
                g.write(name, s);
            } else if (v instanceof Boolean bool) {
                g.write(name, bool);
            } else if (v instanceof Number num) {
                number(g, name, num);
            } else if (v instanceof List<?> list) {
                g.writeStartArray(name);
                for (Object item : list) {
                    if (item instanceof String s) {
                        g.write(s);
                    } else if (item instanceof Number num && finite(num)) {
                        g.write(new BigDecimal(num.toString()));
                    }
                }
                g.writeEnd();
            }
        }
        g.writeEnd();
    }

    private static void number(JsonGenerator g, String name, Number num) {
        if (num instanceof Integer || num instanceof Long || num instanceof Short || num instanceof Byte) {
            g.write(name, num.longValue());
        } else if (num instanceof BigInteger bi) {
            g.write(name, bi);
        } else if (finite(num)) {
            g.write(name, new BigDecimal(num.toString()));
        }
    }

    private static boolean finite(Number num) {
        double d = num.doubleValue();
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }
}
