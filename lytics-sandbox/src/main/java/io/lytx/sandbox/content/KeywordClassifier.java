package io.lytx.sandbox.content;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deterministic keyword classifier: each topic has a list of keywords; a text's relevance to a
 * topic is its number of keyword hits divided by the hits of the best topic, so the top topic
 * scores 1.0 and topics without a hit are absent.
 *
 * <p>Words are compared in lower case, after splitting at every character that is not a letter
 * or a digit; a keyword matches a word equal to it or to it followed by {@code s}, {@code es} or
 * {@code ing} (so {@code recipe} matches {@code recipes}). Relevances are rounded to two decimals.
 * Immutable and thread-safe.
 */
public final class KeywordClassifier {

    private static final List<String> SUFFIXES = List.of("", "s", "es", "ing");

    private final Map<String, String> topicByWord = new HashMap<>();
    private final Set<String> topics = new TreeSet<>();

    /**
     * A classifier over a vocabulary.
     *
     * @param keywordsByTopic topic label to its keywords; not null; keywords are lower-cased
     * @throws IllegalArgumentException when a keyword is listed under two topics
     */
    public KeywordClassifier(Map<String, List<String>> keywordsByTopic) {
        Objects.requireNonNull(keywordsByTopic, "keywordsByTopic");
        keywordsByTopic.forEach((topic, words) -> {
            topics.add(topic);
            for (String w : words) {
                String k = w.toLowerCase(Locale.ROOT);
                for (String suffix : SUFFIXES) {
                    String prev = topicByWord.putIfAbsent(k + suffix, topic);
                    if (prev != null && !prev.equals(topic) && suffix.isEmpty()) {
                        throw new IllegalArgumentException("keyword '" + k + "' is listed under " + prev + " and " + topic);
                    }
                }
            }
        });
    }

    /**
     * The sandbox's default vocabulary over the demo topics (running, cooking, travel, photography,
     * gardening, finance).
     *
     * @return a classifier
     */
    public static KeywordClassifier defaults() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("running", List.of("run", "running", "runner", "marathon", "jog", "jogging", "pace",
                "pacing", "trail", "sprint", "race", "stride", "shoe", "5k", "10k", "interval"));
        v.put("cooking", List.of("cook", "cooking", "recipe", "kitchen", "bake", "baking", "bread",
                "sauce", "pasta", "knife", "oven", "chef", "flavor", "ingredient", "dough", "soup"));
        v.put("travel", List.of("travel", "trip", "flight", "airport", "hotel", "passport", "itinerary",
                "backpack", "journey", "destination", "luggage", "train", "tourist", "city", "visa"));
        v.put("photography", List.of("photo", "photograph", "photography", "camera", "lens", "aperture",
                "shutter", "exposure", "portrait", "tripod", "iso", "composition", "light", "focus"));
        v.put("gardening", List.of("garden", "gardening", "plant", "seed", "soil", "compost", "tomato",
                "prune", "pruning", "flower", "bulb", "mulch", "weed", "harvest", "bed"));
        v.put("finance", List.of("finance", "money", "budget", "saving", "invest", "investing", "stock",
                "bond", "retirement", "tax", "debt", "interest", "fund", "portfolio", "bank", "credit"));
        return new KeywordClassifier(v);
    }

    /**
     * Classifies a text.
     *
     * @param text any text; null gives an empty result
     * @return topic to relevance in (0, 1], most relevant first; empty when no keyword hits
     */
    public Map<String, Double> classify(String text) {
        Map<String, Integer> hits = new HashMap<>();
        if (text != null) {
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String topic = topicByWord.get(word);
                if (topic != null) {
                    hits.merge(topic, 1, Integer::sum);
                }
            }
        }
        int best = hits.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Double> out = new LinkedHashMap<>();
        hits.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), Math.round(100.0 * e.getValue() / best) / 100.0));
        return out;
    }

    /**
     * The topics this classifier knows.
     *
     * @return the labels, sorted
     */
    public Set<String> topics() {
        return Set.copyOf(topics);
    }
}
