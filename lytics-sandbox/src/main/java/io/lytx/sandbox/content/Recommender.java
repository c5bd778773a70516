package io.lytx.sandbox.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Recommends documents from the corpus for one profile or for an audience.
 *
 * <p>For a profile, a document's {@code confidence} is the best product of the profile's topic
 * affinity ({@code lytics_content}) and the document's relevance for that topic (0 when they
 * share no topic), rounded to 4 decimals. Documents the profile visited ({@code hashedurls}) are
 * marked {@code visited} and come after every unvisited one (or are left out with
 * {@code visited=false}). Within each group the order is by rank: {@code affinity} = confidence,
 * then newest; {@code recent} = newest; {@code popular} = most viewed, then newest. For an
 * audience (a segment), the affinity of a topic is the mean over its members, and nothing is
 * visited. {@code shuffle} shuffles the best {@code 3 x limit} candidates (keeping unvisited
 * first) before the cut. Thread-safe (reads the corpus only).
 */
public final class Recommender {

    private final ContentCorpus corpus;

    /**
     * A recommender over a corpus.
     *
     * @param corpus the corpus; not null
     */
    public Recommender(ContentCorpus corpus) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * Recommendations for one profile.
     *
     * @param profile the profile's fields, or null for an unknown visitor (no affinity, nothing visited)
     * @param options the request; not null
     * @return at most {@code limit} recommendation maps (document fields plus {@code confidence},
     *         {@code visited})
     */
    public List<Map<String, Object>> forProfile(Map<String, Object> profile, RecommendOptions options) {
        Map<String, Double> affinities = profile == null ? Map.of() : numberMap(profile.get("lytics_content"));
        Set<String> visited = profile == null ? Set.of() : numberMap(profile.get("hashedurls")).keySet();
        return recommend(affinities, visited, options);
    }

    /**
     * Recommendations for an audience.
     *
     * @param members the members' fields; not null
     * @param options the request; not null
     * @return at most {@code limit} recommendation maps, none visited
     */
    public List<Map<String, Object>> forAudience(List<Map<String, Object>> members, RecommendOptions options) {
        Map<String, Double> sum = new HashMap<>();
        for (Map<String, Object> m : members) {
            numberMap(m.get("lytics_content")).forEach((t, a) -> sum.merge(t, a, Double::sum));
        }
        Map<String, Double> mean = new HashMap<>();
        sum.forEach((t, s) -> mean.put(t, s / members.size()));
        return recommend(mean, Set.of(), options);
    }

    private List<Map<String, Object>> recommend(Map<String, Double> affinities, Set<String> visited,
                                                RecommendOptions o) {
        List<Scored> candidates = new ArrayList<>();
        for (Document d : corpus.all()) {
            if (!o.filter().test(d)) {
                continue;
            }
            boolean seen = visited.contains(d.id());
            if (seen && Boolean.FALSE.equals(o.visited())) {
                continue;
            }
            double best = 0;
            for (Map.Entry<String, Double> t : d.topicRelevances().entrySet()) {
                best = Math.max(best, affinities.getOrDefault(t.getKey(), 0.0) * t.getValue());
            }
            candidates.add(new Scored(d, Math.round(best * 10_000) / 10_000.0, seen, corpus.viewCount(d.id())));
        }
        candidates.sort(order(o.rank()));
        if (o.shuffle()) {
            List<Scored> pool = new ArrayList<>(candidates.subList(0, Math.min(candidates.size(), 3 * o.limit())));
            Collections.shuffle(pool, o.random());
            pool.sort(Comparator.comparing(Scored::visited));
            candidates = pool;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Scored s : candidates.subList(0, Math.min(o.limit(), candidates.size()))) {
            Map<String, Object> m = s.doc().toWire();
            currentImageShape(m);
            m.put("confidence", s.confidence());
            m.put("visited", s.visited());
            out.add(m);
        }
        return out;
    }

    /**
     * Recommendations carry the image as Lytics' current answers do, {@code primaryimageurl} and the list
     * {@code imageurls} (read so by Lytics' own browser code: lytics/wordpress-core
     * src/public/js/inlineRecommendation.js, lytics/drupal-core js/src/content-recommendation.ts), not
     * the older {@code primary_image} (go-lytics' 2016 capture, mock/json/get_user_content_recommendation.json).
     */
    static void currentImageShape(Map<String, Object> m) {
        Object image = m.remove("primary_image");
        String url = image == null ? "" : image.toString();
        m.put("primaryimageurl", url);
        m.put("imageurls", url.isEmpty() ? List.of() : List.of(url));
    }

    private static Comparator<Scored> order(String rank) {
        Comparator<Scored> newest = Comparator.comparing((Scored s) -> s.doc().created()).reversed();
        Comparator<Scored> byRank = switch (rank) {
            case "recent" -> newest;
            case "popular" -> Comparator.comparingLong(Scored::views).reversed().thenComparing(newest);
            default -> Comparator.comparingDouble(Scored::confidence).reversed().thenComparing(newest);
        };
        return Comparator.comparing(Scored::visited).thenComparing(byRank)
                .thenComparing(s -> s.doc().url());
    }

    private static Map<String, Double> numberMap(Object value) {
        Map<String, Double> out = new HashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Number n) {
                    out.put(String.valueOf(k), n.doubleValue());
                } else if (v != null) {
                    try {
                        out.put(String.valueOf(k), Double.parseDouble(String.valueOf(v)));
                    } catch (NumberFormatException e) {
                        // not a number: ignored
                    }
                }
            });
        }
        return out;
    }

    private record Scored(Document doc, double confidence, boolean visited, long views) {
    }
}
