package io.lytx.servlet.bootstrap;

import io.lytx.servlet.preview.Personalization;
import io.lytx.servlet.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the bootstrap: the server's decision handed to the JS helper (the contract of
 * {@code tags/README.md}, version {@value #VERSION}): {@code visitorId}, {@code status}
 * ({@code known|new|unavailable}), {@code segments}, allow-listed {@code fields} (PII only when
 * configured), the {@code recommendations} the page used (safe URLs only), {@code pvid},
 * {@code counted}, {@code consent}, {@code endpoints} and {@code tag.cookie}. Never contains the API
 * token or a field outside the allow-list.
 *
 * <p>Write it with {@link ScriptJson#write} (script-safe). Stateless and thread-safe.
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
    }

    /**
     * The full bootstrap of a decided page.
     *
     * @param p         the page's personalization, never null
     * @param settings  what may be exposed, never null
     * @param endpoints the endpoint URLs, never null
     * @param counted   whether the server counted this page view
     * @param consent   one of {@link #CONSENTS}
     * @throws IllegalArgumentException if {@code consent} is not one of {@link #CONSENTS}
     */
    public static JsonObject of(Personalization p, BootstrapSettings settings, Endpoints endpoints, boolean counted,
                                String consent) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(endpoints, "endpoints");
        if (!CONSENTS.contains(consent)) {
            throw new IllegalArgumentException("consent must be one of " + CONSENTS + ": " + consent);
        }
        JsonObjectBuilder b = Jsonp.PROVIDER.createObjectBuilder().add("v", VERSION);
        if (p.visitorId() != null) {
            b.add("visitorId", p.visitorId());
        }
        b.add("status", p.statusName());
        b.add("segments", strings(p.segments(), MAX_SEGMENTS));
        b.add("fields", fields(p, settings));
        JsonArrayBuilder recs = Jsonp.PROVIDER.createArrayBuilder();
        int n = 0;
        for (SafeRecommendation r : p.usedRecommendations()) {
            if (n++ == MAX_RECOMMENDATIONS) {
                break;
            }
            recs.add(Jsonp.PROVIDER.createObjectBuilder().add("url", r.url()).add("title", r.title())
                    .add("description", r.description()).add("image", r.image())
                    .add("topics", strings(r.topics(), 100)));
        }
        b.add("recommendations", recs);
        if (p.pageViewId() != null && !p.pageViewId().isEmpty()) {
            b.add("pvid", p.pageViewId());
        }
        b.add("counted", counted);
        b.add("consent", consent);
        if (p.previewing()) {
            b.add("preview", true);
        }
        b.add("endpoints", endpoints(endpoints));
        b.add("tag", Jsonp.PROVIDER.createObjectBuilder().add("cookie", settings.cookieName()));
        return b.build();
    }

    /**
     * The deferred bootstrap of a page served from a cache: the helper asks {@code /profile}.
     *
     * @param endpoints the endpoint URLs, never null
     */
    public static JsonObject deferred(Endpoints endpoints) {
        return Jsonp.PROVIDER.createObjectBuilder().add("v", VERSION).add("deferred", true)
                .add("endpoints", endpoints(Objects.requireNonNull(endpoints, "endpoints"))).build();
    }

    private static JsonObjectBuilder endpoints(Endpoints e) {
        return Jsonp.PROVIDER.createObjectBuilder().add("profile", e.profile()).add("collect", e.collect());
    }

    private static JsonArrayBuilder strings(Collection<String> values, int max) {
        JsonArrayBuilder a = Jsonp.PROVIDER.createArrayBuilder();
        int n = 0;
        for (String s : values) {
            if (s != null && n < max) {
                a.add(s);
                n++;
            }
        }
        return a;
    }

    private static JsonObjectBuilder fields(Personalization p, BootstrapSettings settings) {
        JsonObjectBuilder f = Jsonp.PROVIDER.createObjectBuilder();
        for (String name : settings.fields()) {
            if (!settings.exposes(name)) {
                continue;
            }
            Object v = p.rawField(name);
            if (v instanceof String s) {
                f.add(name, s);
            } else if (v instanceof Boolean bool) {
                f.add(name, bool);
            } else if (v instanceof Number num) {
                addNumber(f, name, num);
            } else if (v instanceof List<?> list) {
                JsonArrayBuilder a = Jsonp.PROVIDER.createArrayBuilder();
                for (Object item : list) {
                    if (item instanceof String s) {
                        a.add(s);
                    } else if (item instanceof Number num && finite(num)) {
                        a.add(new BigDecimal(num.toString()));
                    }
                }
                f.add(name, a);
            }
        }
        return f;
    }

    private static void addNumber(JsonObjectBuilder f, String name, Number num) {
        if (num instanceof Integer || num instanceof Long || num instanceof Short || num instanceof Byte) {
            f.add(name, num.longValue());
        } else if (num instanceof BigInteger bi) {
            f.add(name, bi);
        } else if (finite(num)) {
            f.add(name, new BigDecimal(num.toString()));
        }
    }

    private static boolean finite(Number num) {
        double d = num.doubleValue();
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }
}
