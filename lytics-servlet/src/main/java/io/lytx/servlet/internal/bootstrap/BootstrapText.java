package io.lytx.servlet.internal.bootstrap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lytx.client.entity.Entity;
import io.lytx.servlet.internal.preview.Personalization;
import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes a decided page's bootstrap ({@link BootstrapJson} has the contract) as script-safe JSON
 * text. The parts that only depend on cached data are remembered: {@code segments} and
 * {@code fields} per cached profile, {@code recommendations} per cached list, the members after
 * {@code pvid} per combination of their values; the empty profile and list parts are constants. A
 * returning visitor's page therefore writes only {@code visitorId}, {@code status} and {@code pvid},
 * directly when their text needs no escaping (letters, digits and {@code -_.:}), else with the
 * streaming generator. Keys of remembered parts are held weakly and compared by identity (a part
 * leaves with its cache entry), at most {@value #REMEMBERED} of each. Previews and pages that used
 * several recommendation lists are written in full.
 *
 * <p>One instance per deployment (its settings decide the fields). Thread-safe; never blocks.
 */
public final class BootstrapText {

    /** Most parts remembered, of each kind. */
    static final int REMEMBERED = 10_000;
    /** The profile part of a page with no profile data (bots, no consent, unavailable, plugin off). */
    static final String NO_PROFILE = "\"segments\":[],\"fields\":{}";
    /** The recommendations part of a page that showed none. */
    static final String NO_RECOMMENDATIONS = "\"recommendations\":[]";
    /** Longest per-page value written without the generator. */
    private static final int MAX_PLAIN = 128;

    private final BootstrapSettings settings;
    // the caches' upkeep runs on the calling thread (Runnable::run): a page never hands work to a pool
    private final Cache<Entity, String> profileParts =
            Caffeine.newBuilder().weakKeys().maximumSize(REMEMBERED).executor(Runnable::run).build();
    private final Cache<List<SafeRecommendation>, String> recommendationParts =
            Caffeine.newBuilder().weakKeys().maximumSize(REMEMBERED).executor(Runnable::run).build();
    /** Few combinations exist (counted × consent × preview × the deployment's endpoints). */
    private final Cache<Tail, String> tails = Caffeine.newBuilder().maximumSize(64).executor(Runnable::run).build();

    /**
     * What the members after {@code pvid} depend on. A cache key: equals, hashCode and toString are
     * written out (see {@link io.lytx.servlet.internal.profile.LookupKey#equals}: a record's generated ones
     * would keep the web application's class loader alive after undeploy on JDK 17).
     */
    private record Tail(boolean counted, String consent, boolean preview, BootstrapJson.Endpoints endpoints) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tail t && counted == t.counted && preview == t.preview
                    && consent.equals(t.consent) && endpoints.equals(t.endpoints);
        }

        @Override
        public int hashCode() {
            return Objects.hash(counted, consent, preview, endpoints);
        }

        @Override
        public String toString() {
            return "Tail[counted=" + counted + ", consent=" + consent + ", preview=" + preview + ", endpoints="
                    + endpoints + "]";
        }
    }

    /**
     * @param settings what may be exposed, never null
     * @throws NullPointerException if {@code settings} is null
     */
    public BootstrapText(BootstrapSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The bootstrap text of a decided page.
     *
     * @param p         the page's personalization, never null
     * @param endpoints the endpoint URLs, never null
     * @param counted   whether the server counted this page view
     * @param consent   one of {@link BootstrapJson#CONSENTS}
     * @return script-safe JSON text of one object
     * @throws IllegalArgumentException if {@code consent} is not one of {@link BootstrapJson#CONSENTS}
     */
    public String of(Personalization p, BootstrapJson.Endpoints endpoints, boolean counted, String consent) {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(endpoints, "endpoints");
        if (!BootstrapJson.CONSENTS.contains(consent)) {
            throw new IllegalArgumentException("consent must be one of " + BootstrapJson.CONSENTS + ": " + consent);
        }
        String profilePart = profilePart(p);
        String recommendationPart = recommendationPart(p);
        String tail = tails.get(new Tail(counted, consent, p.previewing(), endpoints), this::tail);
        StringBuilder out = new StringBuilder(profilePart.length() + recommendationPart.length() + tail.length() + 160);
        out.append("{\"v\":").append(BootstrapJson.VERSION).append(',');
        if (p.visitorId() != null) {
            member(out, "visitorId", p.visitorId()).append(',');
        }
        member(out, "status", p.statusName()).append(',');
        out.append(profilePart).append(',').append(recommendationPart).append(',');
        String pvid = p.pageViewId();
        if (pvid != null && !pvid.isEmpty()) {
            member(out, "pvid", pvid).append(',');
        }
        return out.append(tail).append('}').toString();
    }

    /** Appends {@code "name":"value"}: directly when the value needs no escaping, else with the generator. */
    private static StringBuilder member(StringBuilder out, String name, String value) {
        if (plain(value)) {
            return out.append('"').append(name).append("\":\"").append(value).append('"');
        }
        return out.append(members(g -> g.write(name, value)));
    }

    /** Whether JSON and a script element take the text as it is: short, and only letters, digits and {@code -_.:}. */
    static boolean plain(String value) {
        int n = value.length();
        if (n > MAX_PLAIN) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private String tail(Tail t) {
        return members(g -> {
            g.write("counted", t.counted()).write("consent", t.consent());
            if (t.preview()) {
                g.write("preview", true);
            }
            BootstrapJson.endpoints(g, t.endpoints());
            g.writeStartObject("tag").write("cookie", settings.cookieName()).writeEnd();
        });
    }

    private String profilePart(Personalization p) {
        Entity profile = p.profileEntity();
        if (profile != null) {
            return profileParts.get(profile, e -> writeProfilePart(p));
        }
        return p.segments().isEmpty() && noFieldValues(p) ? NO_PROFILE : writeProfilePart(p);
    }

    private boolean noFieldValues(Personalization p) {
        for (String name : settings.fields()) {
            if (p.rawField(name) != null) {
                return false;
            }
        }
        return true;
    }

    private String recommendationPart(Personalization p) {
        List<SafeRecommendation> only = p.onlyUsedList();
        if (only != null) {
            return only.isEmpty() ? NO_RECOMMENDATIONS
                    : recommendationParts.get(only, list -> writeRecommendationPart(p.usedRecommendations()));
        }
        List<SafeRecommendation> all = p.usedRecommendations();
        return all.isEmpty() ? NO_RECOMMENDATIONS : writeRecommendationPart(all);
    }

    private String writeProfilePart(Personalization p) {
        return members(g -> {
            BootstrapJson.strings(g, "segments", p.segments(), BootstrapJson.MAX_SEGMENTS);
            BootstrapJson.fields(g, p, settings);
        });
    }

    private static String writeRecommendationPart(List<SafeRecommendation> used) {
        return members(g -> {
            g.writeStartArray("recommendations");
            int n = 0;
            for (SafeRecommendation r : used) {
                if (n++ == BootstrapJson.MAX_RECOMMENDATIONS) {
                    break;
                }
                g.writeStartObject().write("url", r.url()).write("title", r.title())
                        .write("description", r.description()).write("image", r.image());
                BootstrapJson.strings(g, "topics", r.topics(), 100);
                g.writeEnd();
            }
            g.writeEnd();
        });
    }

    /**
     * The members an object writer produces, without the braces: parts written this way join into
     * one object with commas. Each part here writes at least one member.
     */
    private static String members(Consumer<JsonGenerator> writer) {
        StringBuilder out = new StringBuilder(256);
        try (JsonGenerator g = ScriptJson.generator(out)) {
            g.writeStartObject();
            writer.accept(g);
            g.writeEnd();
        }
        return out.substring(1, out.length() - 1);
    }
}
