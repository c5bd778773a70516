package io.lytx.sandbox.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One user profile's mutable state. Guarded by the owning {@link ProfileStore}'s lock; readers
 * only use the immutable {@link #snapshot()}, which is replaced after every change.
 */
final class Profile {

    /** How many topics {@code lytics_content} keeps (Lytics keeps the top 50). */
    static final int MAX_TOPICS = 50;
    /** How many values a list or map attribute keeps, the latest ones (Lytics' platform limit per profile is 1000). */
    static final int MAX_VALUES = 1000;

    final long seq;
    long touched;
    final Map<String, Object> attributes = new LinkedHashMap<>();
    final Set<String> uids = new LinkedHashSet<>();
    final Set<String> identityKeys = new HashSet<>();
    long visitct;
    long firstVisitMs = Long.MAX_VALUE;
    long lastVisitMs = Long.MIN_VALUE;
    final Map<String, Double> contentWeights = new LinkedHashMap<>();
    final Map<String, Long> hashedurls = new LinkedHashMap<>();
    private volatile Map<String, Object> snapshot = Map.of();

    Profile(long seq) {
        this.seq = seq;
    }

    Map<String, Object> snapshot() {
        return snapshot;
    }

    /**
     * Merges one attribute value: lists are unioned, maps merged key by key (each keeping its
     * latest {@value #MAX_VALUES} values), scalars replaced.
     */
    void mergeAttribute(String name, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return;
        }
        Object old = attributes.get(name);
        if (value instanceof List<?> list) {
            LinkedHashSet<Object> union = new LinkedHashSet<>();
            if (old instanceof List<?> oldList) {
                union.addAll(oldList);
            }
            for (Object o : list) {
                if (o != null) {
                    union.add(o);
                }
            }
            List<Object> values = new ArrayList<>(union);
            attributes.put(name, Collections.unmodifiableList(
                    values.size() > MAX_VALUES ? new ArrayList<>(values.subList(values.size() - MAX_VALUES, values.size())) : values));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> merged = new LinkedHashMap<>();
            if (old instanceof Map<?, ?> oldMap) {
                oldMap.forEach((k, v) -> merged.put(String.valueOf(k), v));
            }
            map.forEach((k, v) -> {
                if (v != null) {
                    merged.remove(String.valueOf(k)); // re-inserted last: the latest key survives trimming
                    merged.put(String.valueOf(k), v);
                }
            });
            var oldest = merged.keySet().iterator();
            while (merged.size() > MAX_VALUES) {
                oldest.next();
                oldest.remove();
            }
            attributes.put(name, Collections.unmodifiableMap(merged));
        } else {
            attributes.put(name, value);
        }
    }

    /** Folds another profile's identities, visits and content (not its attributes) into this one. */
    void absorb(Profile other) {
        uids.addAll(other.uids);
        identityKeys.addAll(other.identityKeys);
        visitct += other.visitct;
        firstVisitMs = Math.min(firstVisitMs, other.firstVisitMs);
        lastVisitMs = Math.max(lastVisitMs, other.lastVisitMs);
        other.contentWeights.forEach((t, w) -> contentWeights.merge(t, w, Double::sum));
        other.hashedurls.forEach((id, n) -> hashedurls.merge(id, n, Long::sum));
    }

    /** Rebuilds the immutable snapshot read by lookups, scans and segment evaluation. */
    void refreshSnapshot() {
        Map<String, Object> m = new LinkedHashMap<>(attributes);
        if (!uids.isEmpty()) {
            m.put(IdentityFields.UIDS, List.copyOf(uids));
        }
        if (visitct > 0) {
            m.put("visitct", visitct);
            m.put("firstvisit_ts", Instant.ofEpochMilli(firstVisitMs));
            m.put("lastvisit_ts", Instant.ofEpochMilli(lastVisitMs));
        }
        if (!contentWeights.isEmpty()) {
            Map<String, Object> affinities = new LinkedHashMap<>();
            contentWeights.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MAX_TOPICS)
                    .forEach(e -> affinities.put(e.getKey(), ContentAffinity.affinity(e.getValue())));
            m.put("lytics_content", Collections.unmodifiableMap(affinities));
        }
        if (!hashedurls.isEmpty()) {
            m.put("hashedurls", Collections.unmodifiableMap(new LinkedHashMap<>(hashedurls)));
        }
        snapshot = Collections.unmodifiableMap(m);
    }
}
