package io.lytx.sandbox.profile;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
 * <p>Bounds: at most {@link #maxProfiles()} profiles (an event that would create one more is not
 * applied: callers check {@link #admissible} first, and {@link #apply} refuses with
 * {@link ProfileLimitException}); the {@code _eid}s of the last {@value #EVENT_ID_WINDOW}
 * events are remembered for dedup; a list or map attribute keeps its latest
 * {@value Profile#MAX_VALUES} values (Lytics' platform limits: at most 1000 attribute values per
 * profile).
 *
 * <p>Thread-safe: changes are serialized by the store's monitor; lookups and scans are lock-free
 * over immutable snapshots ({@link StoredProfile}), an O(1) hash lookup per identity value.
 */
public final class ProfileStore {

    /** Minutes of inactivity after which the next activity starts a new visit. */
    public static final long SESSION_MINUTES = 30;

    /** The default of {@link #maxProfiles()}. */
    public static final int DEFAULT_MAX_PROFILES = 100_000;
    /** How many recent {@code _eid}s are remembered to skip duplicates. */
    public static final int EVENT_ID_WINDOW = 100_000;

    private static final long SESSION_MS = Duration.ofMinutes(SESSION_MINUTES).toMillis();
    private static final Set<String> COMPUTED = Set.of(IdentityFields.UIDS, "visitct", "firstvisit_ts",
            "lastvisit_ts", "lytics_content", "hashedurls", "segments", "segments_all");

    private final IdentityFields identities;
    private final ContentCorpus corpus;
    private final Map<String, Profile> index = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, Profile> bySeq = new ConcurrentSkipListMap<>();
    private final int maxProfiles;
    private final Set<String> appliedEventIds = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > EVENT_ID_WINDOW;
        }
    });
    private long nextSeq = 1;
    private long touchCounter;

    /**
     * An empty store.
     *
     * @param identities the identity fields; not null
     * @param corpus     the content corpus page views are matched against; not null
     */
    public ProfileStore(IdentityFields identities, ContentCorpus corpus) {
        this(identities, corpus, DEFAULT_MAX_PROFILES);
    }

    /**
     * An empty store holding at most {@code maxProfiles} profiles.
     *
     * @param identities  the identity fields; not null
     * @param corpus      the content corpus page views are matched against; not null
     * @param maxProfiles the most profiles held; positive
     * @throws IllegalArgumentException when {@code maxProfiles} is not positive
     */
    public ProfileStore(IdentityFields identities, ContentCorpus corpus, int maxProfiles) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        if (maxProfiles <= 0) {
            throw new IllegalArgumentException("maxProfiles must be positive, was " + maxProfiles);
        }
        this.maxProfiles = maxProfiles;
    }

    /**
     * The most profiles this store holds.
     *
     * @return the limit
     */
    public int maxProfiles() {
        return maxProfiles;
    }

    /**
     * How many of the leading events can be applied without going over {@link #maxProfiles()}.
     * Conservative: an event counts as creating a profile when none of its identity values is
     * known yet (to the store or to an earlier event of the list), even if a later event of the
     * list would stitch it into another.
     *
     * <p>Looks nothing up while the store has room for one new profile per event (the common
     * case): the collect path calls this under the writer's lock for every batch.
     *
     * @param events the events, in order; not null
     * @return the length of the longest prefix that fits, 0..{@code events.size()}
     */
    public synchronized int admissible(List<CollectedEvent> events) {
        if (bySeq.size() + events.size() <= maxProfiles) {
            return events.size(); // an event creates at most one profile
        }
        Set<String> pending = new HashSet<>();
        int created = 0;
        for (int i = 0; i < events.size(); i++) {
            Set<String> keys = identityKeys(flattenIdentifiers(events.get(i).fields()), null);
            if (keys.isEmpty()) {
                continue;
            }
            boolean known = false;
            for (String key : keys) {
                if (index.containsKey(key) || pending.contains(key)) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                if (bySeq.size() + created >= maxProfiles) {
                    return i;
                }
                created++;
            }
            pending.addAll(keys);
        }
        return events.size();
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
     * @throws ProfileLimitException when the event would create a profile beyond
     *                               {@link #maxProfiles()}; nothing is changed
     */
    public synchronized boolean apply(CollectedEvent event) {
        Objects.requireNonNull(event, "event");
        Map<String, Object> fields = flattenIdentifiers(event.fields());
        Set<String> cookieIds = new LinkedHashSet<>();
        Set<String> keys = identityKeys(fields, cookieIds);
        if (!keys.isEmpty() && bySeq.size() >= maxProfiles && keys.stream().noneMatch(index::containsKey)) {
            throw new ProfileLimitException(maxProfiles);
        }
        Object eid = event.fields().get("_eid");
        if (eid != null && !String.valueOf(eid).isBlank() && !appliedEventIds.add(String.valueOf(eid))) {
            return false;
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

    /**
     * The index keys of an event's identity values: every value of every identity field, the
     * cookie id under either name ({@code _uid} or {@code _uids}, one value or a list), exactly as
     * a profile lookup by that field finds it.
     */
    private Set<String> identityKeys(Map<String, Object> fields, Set<String> cookieIdsOut) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String canonical = identities.canonical(e.getKey());
            if (canonical == null) {
                continue;
            }
            for (String v : identityValues(e.getValue())) {
                String key = identities.key(canonical, v);
                if (key != null) {
                    keys.add(key);
                    if (cookieIdsOut != null && IdentityFields.UIDS.equals(canonical)) {
                        cookieIdsOut.add(v.trim());
                    }
                }
            }
        }
        return keys;
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
