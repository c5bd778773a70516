package io.lytx.servlet.bootstrap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lytx.client.entity.Entity;
import io.lytx.servlet.preview.Personalization;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a decided page's bootstrap ({@link BootstrapJson} has the contract) as script-safe JSON
 * text, with the streaming generator. The parts that only depend on cached data are remembered:
 * {@code segments} and {@code fields} per cached profile, {@code recommendations} per cached list,
 * so a returning visitor's pages write only the per-page members ({@code visitorId}, {@code status},
 * {@code pvid}, {@code counted}, {@code consent}, ...). Keys are held weakly and compared by identity
 * (a part leaves with its cache entry), at most {@value #REMEMBERED} of each. Previews and pages that
 * used several recommendation lists are written in full.
 *
 * <p>One instance per deployment (its settings decide the fields). Thread-safe; never blocks.
 */
public final class BootstrapText {

    /** Most parts remembered, of each kind. */
    static final int REMEMBERED = 10_000;

    private final BootstrapSettings settings;
    private final Cache<Entity, String> profileParts = Caffeine.newBuilder().weakKeys().maximumSize(REMEMBERED).build();
    private final Cache<List<SafeRecommendation>, String> recommendationParts =
            Caffeine.newBuilder().weakKeys().maximumSize(REMEMBERED).build();

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
        String page = members(g -> {
            g.write("v", BootstrapJson.VERSION);
            if (p.visitorId() != null) {
                g.write("visitorId", p.visitorId());
            }
            g.write("status", p.statusName());
        });
        Entity profile = p.profileEntity();
        String profilePart = profile == null ? profilePart(p) : profileParts.get(profile, e -> profilePart(p));
        List<SafeRecommendation> only = p.onlyUsedList();
        String recommendationPart = only == null ? recommendationPart(p)
                : recommendationParts.get(only, list -> recommendationPart(p));
        String rest = members(g -> {
            if (p.pageViewId() != null && !p.pageViewId().isEmpty()) {
                g.write("pvid", p.pageViewId());
            }
            g.write("counted", counted).write("consent", consent);
            if (p.previewing()) {
                g.write("preview", true);
            }
            BootstrapJson.endpoints(g, endpoints);
            g.writeStartObject("tag").write("cookie", settings.cookieName()).writeEnd();
        });
        return new StringBuilder(page.length() + profilePart.length() + recommendationPart.length() + rest.length() + 5)
                .append('{').append(page).append(',').append(profilePart).append(',').append(recommendationPart)
                .append(',').append(rest).append('}').toString();
    }

    private String profilePart(Personalization p) {
        return members(g -> {
            BootstrapJson.strings(g, "segments", p.segments(), BootstrapJson.MAX_SEGMENTS);
            BootstrapJson.fields(g, p, settings);
        });
    }

    private static String recommendationPart(Personalization p) {
        return members(g -> {
            g.writeStartArray("recommendations");
            int n = 0;
            for (SafeRecommendation r : p.usedRecommendations()) {
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
