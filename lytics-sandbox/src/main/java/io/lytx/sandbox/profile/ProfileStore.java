package io.lytx.sandbox.profile;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The user profiles, built by applying collected events in order.
 *
 * <p>Rules applied per event (see {@link #apply}):
 * <ul>
 *   <li><b>Identity.</b> The values of the identity fields ({@link IdentityFields}: {@code _uid} /
 *       {@code _uids}, {@code email}, {@code user_id} by default; also inside a mobile-SDK style
 *       {@code identifiers} object) select the profile. No match creates a profile; several
 *       matches are <b>stitched</b> into the oldest one. An event without any identity value
 *       changes no profile.</li>
 *   <li><b>Attributes.</b> Fields whose names start with {@code _} are transport fields and are
 *       not stored (except the cookie id, kept in the set {@code _uids}); the computed fields
 *       below cannot be written by events. Scalars keep the latest applied value, lists are
 *       unioned, maps merged key by key; null and empty-string values are ignored.</li>
 *   <li><b>Visits.</b> An activity event (one carrying {@code url}, {@code _e} or
 *       {@code _sesstart}) starts a visit when it has a truthy {@code _sesstart}, when the profile
 *       has no visit yet, or when it comes {@value #SESSION_MINUTES} minutes or more after the
 *       previous activity; {@code visitct} counts visits, {@code firstvisit_ts}/{@code lastvisit_ts}
 *       are the earliest and latest activity times.</li>
 *   <li><b>Content.</b> A page view (an event with {@code url} and no {@code _e} or
 *       {@code _e=pv}) of a corpus document adds the document's topic relevances to the profile's
 *       topic weights ({@code lytics_content} = {@link ContentAffinity#affinity}) and counts the
 *       document in {@code hashedurls}.</li>
 *   <li><b>Dedup.</b> An event whose {@code _eid} was already applied is skipped.</li>
 * </ul>
 *
 * <p>Thread-safe: changes are serialized by the store's monitor; lookups and scans are lock-free
 * over immutable snapshots ({@link StoredProfile}), an O(1) hash lookup per identity value.
 * Unbounded (bounded by what is collected).
 */
public final class ProfileStore {

    /** Minutes of inactivity after which the next activity starts a new visit. */
    public static final long SESSION_MINUTES = 30;

    private static final long SESSION_MS = Duration.ofMinutes(SESSION_MINUTES).toMillis();
    private static final Set<String> COMPUTED = Set.of(IdentityFields.UIDS, "visitct", "firstvisit_ts",
            "lastvisit_ts", "lytics_content", "hashedurls", "segments", "segments_all");

    private final IdentityFields identities;
    private final ContentCorpus corpus;
    private final Map<String, Profile> index = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Profile> bySeq = new ConcurrentSkipListMap<>();
    private final Set<String> appliedEventIds = new HashSet<>();
    private long nextSeq = 1;
    private long touchCounter;

    /**
     * An empty store.
     *
     * @param identities the identity fields; not null
     * @param corpus     the content corpus page views are matched against; not null
     */
    public ProfileStore(IdentityFields identities, ContentCorpus corpus) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * The identity fields of this store.
     *
     * @return the identity fields
     */
    public IdentityFields identities() {
        return identities;
    }

    /**
     * Applies one event (see the class comment for the rules).
     *
     * @param event the event; not null
     * @return false when the event was a duplicate (its {@code _eid} was seen before) and changed
     *         nothing; true otherwise
     */
    public synchronized boolean apply(CollectedEvent event) {
        Objects.requireNonNull(event, "event");
        Object eid = event.fields().get("_eid");
        if (eid != null && !String.valueOf(eid).isBlank() && !appliedEventIds.add(String.valueOf(eid))) {
            return false;
        }
        Map<String, Object> fields = flattenIdentifiers(event.fields());
        Set<String> keys = new LinkedHashSet<>();
        Set<String> cookieIds = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String canonical = identities.canonical(e.getKey());
            if (canonical == null) {
                continue;
            }
            for (String v : identityValues(e.getValue())) {
                String key = identities.key(canonical, v);
                if (key != null) {
                    keys.add(key);
                    if (IdentityFields.UIDS.equals(canonical)) {
                        cookieIds.add(v.trim());
                    }
                }
            }
        }
        if (keys.isEmpty()) {
            return true;
        }
        Profile target = resolve(keys);
        target.uids.addAll(cookieIds);
        for (String key : keys) {
            target.identityKeys.add(key);
            index.put(key, target);
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("_") || COMPUTED.contains(name)) {
                continue;
            }
            target.mergeAttribute(name, e.getValue());
        }
        applyActivity(target, event.timestampMs(), fields);
        target.touched = ++touchCounter;
        target.refreshSnapshot();
        return true;
    }

    /**
     * The profile holding an identity value.
     *
     * @param field an identity field name ({@code _uid} and {@code _uids} are the same); null or a
     *              non-identity field gives empty
     * @param value the value; null gives empty
     * @return the profile, if any
     */
    public Optional<StoredProfile> find(String field, String value) {
        String canonical = identities.canonical(field);
        if (canonical == null || value == null) {
            return Optional.empty();
        }
        String key = identities.key(canonical, value);
        Profile p = key == null ? null : index.get(key);
        return p == null ? Optional.empty() : Optional.of(new StoredProfile(p.seq, p.snapshot()));
    }

    /**
     * The profiles after a scan position, in scan order. Lazily evaluated over live data: profiles
     * created while the stream is consumed may appear, stitched-away ones disappear.
     *
     * @param afterSeq the last position already seen (0 for the start)
     * @return a sequential stream of snapshots
     */
    public Stream<StoredProfile> scan(long afterSeq) {
        return bySeq.tailMap(afterSeq, false).values().stream()
                .map(p -> new StoredProfile(p.seq, p.snapshot()));
    }

    /**
     * The number of profiles.
     *
     * @return the count
     */
    public int size() {
        return bySeq.size();
    }

    /** Removes every profile and forgets every seen {@code _eid}. */
    public synchronized void clear() {
        index.clear();
        bySeq.clear();
        appliedEventIds.clear();
        nextSeq = 1;
        touchCounter = 0;
    }

    private Profile resolve(Set<String> keys) {
        Set<Profile> matches = new LinkedHashSet<>();
        for (String key : keys) {
            Profile p = index.get(key);
            if (p != null) {
                matches.add(p);
            }
        }
        if (matches.isEmpty()) {
            Profile p = new Profile(nextSeq++);
            bySeq.put(p.seq, p);
            return p;
        }
        List<Profile> ordered = new ArrayList<>(matches);
        ordered.sort(Comparator.comparingLong(p -> p.seq));
        Profile target = ordered.get(0);
        if (ordered.size() == 1) {
            return target;
        }
        List<Profile> others = new ArrayList<>(ordered.subList(1, ordered.size()));
        // merge attributes in update order, so the most recently updated values win
        List<Profile> byUpdate = new ArrayList<>(ordered);
        byUpdate.sort(Comparator.comparingLong(p -> p.touched));
        Profile merged = new Profile(target.seq);
        for (Profile p : byUpdate) {
            p.attributes.forEach(merged::mergeAttribute);
        }
        target.attributes.clear();
        target.attributes.putAll(merged.attributes);
        for (Profile p : others) {
            target.absorb(p);
        }
        for (Profile p : others) {
            bySeq.remove(p.seq);
            for (String key : p.identityKeys) {
                index.put(key, target);
            }
        }
        return target;
    }

    private void applyActivity(Profile p, long ts, Map<String, Object> fields) {
        Object url = fields.get("url");
        Object e = fields.get("_e");
        boolean activity = url != null || e != null || fields.containsKey("_sesstart");
        if (!activity) {
            return;
        }
        boolean sessionStart = truthy(fields.get("_sesstart"));
        if (sessionStart || p.visitct == 0 || ts - p.lastVisitMs >= SESSION_MS) {
            p.visitct++;
        }
        p.firstVisitMs = Math.min(p.firstVisitMs, ts);
        p.lastVisitMs = Math.max(p.lastVisitMs, ts);
        boolean pageView = url instanceof String && (e == null || "pv".equals(String.valueOf(e)));
        if (pageView) {
            Optional<Document> doc = corpus.findByPageUrl((String) url);
            doc.ifPresent(d -> {
                d.topicRelevances().forEach((topic, rel) -> p.contentWeights.merge(topic, rel, Double::sum));
                p.hashedurls.merge(d.id(), 1L, Long::sum);
                corpus.recordView(d.id());
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flattenIdentifiers(Map<String, Object> fields) {
        Object ids = fields.get("identifiers");
        if (!(ids instanceof Map)) {
            return fields;
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (!"identifiers".equals(k)) {
                flat.put(k, v);
            }
        });
        ((Map<String, Object>) ids).forEach(flat::putIfAbsent);
        return flat;
    }

    private static List<String> identityValues(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                out.addAll(identityValues(o));
            }
        } else if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof BigDecimal d) {
            out.add(d.stripTrailingZeros().toPlainString());
        } else if (value instanceof Number n) {
            out.add(n.toString());
        }
        return out;
    }

    /**
     * Whether a collected value means true: {@code true}, {@code 1}, {@code "t"}, {@code "true"},
     * {@code "1"}, {@code "yes"} (case-insensitive).
     *
     * @param v any value; null is false
     * @return the truth value
     */
    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            return t.equals("t") || t.equals("true") || t.equals("1") || t.equals("yes");
        }
        return false;
    }
}
