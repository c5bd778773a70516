package io.lytx.sandbox.domain;

import io.lytx.sandbox.catalog.SchemaBuilder;
import io.lytx.sandbox.catalog.SchemaResource;
import io.lytx.sandbox.catalog.StreamCatalog;
import io.lytx.sandbox.collect.BrowserCollectResource;
import io.lytx.sandbox.collect.CollectResource;
import io.lytx.sandbox.collect.EventIngest;
import io.lytx.sandbox.content.ContentContext;
import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.ContentLibrary;
import io.lytx.sandbox.content.ContentResource;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.content.KeywordClassifier;
import io.lytx.sandbox.demo.DemoData;
import io.lytx.sandbox.entity.EntityResource;
import io.lytx.sandbox.entity.ProfileVisibility;
import io.lytx.sandbox.entity.PublicEntityResource;
import io.lytx.sandbox.manage.AccountInfo;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.profile.StoredProfile;
import io.lytx.sandbox.segment.Membership;
import io.lytx.sandbox.segment.Segment;
import io.lytx.sandbox.segment.SegmentRegistry;
import io.lytx.sandbox.segment.SegmentResource;
import io.lytx.sandbox.segment.SegmentService;
import io.lytx.sandbox.segment.SizeThrottle;
import io.lytx.sandbox.store.Journal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The sandbox's domain: collected events, profiles, segments, the catalog and content, wired
 * together, with the JAX-RS resources that serve them.
 *
 * <p>{@link #create} registers the replay handlers of every journaled change on the journal and
 * loads the demo data (when asked); the caller then replays the journal, which re-applies
 * collected events, saved segments and added documents in their original order on top of the
 * demo data. Thread-safe: all changes go through one {@link DomainWriter}.
 */
public final class DomainModule {

    private final Clock clock;
    private final boolean demoData;
    private final DomainWriter writer;
    private final ContentCorpus corpus = new ContentCorpus();
    private final StreamCatalog streams = new StreamCatalog();
    private final SegmentRegistry registry = new SegmentRegistry();
    private final ProfileStore profiles;
    private final EventIngest ingest;
    private final ContentLibrary library;
    private final SegmentService segments;
    private final Membership membership;
    private final SizeThrottle throttle;
    private final List<Object> resources;

    private DomainModule(Journal journal, Clock clock, String accountId, boolean demoData, IdentityFields identities,
                         int maxProfiles, ProfileVisibility visibility) {
        this.clock = clock;
        this.demoData = demoData;
        this.writer = new DomainWriter(journal);
        this.profiles = new ProfileStore(identities, corpus, maxProfiles);
        this.ingest = new EventIngest(writer, profiles, streams, clock);
        this.library = new ContentLibrary(corpus, KeywordClassifier.defaults(), writer, clock);
        this.segments = new SegmentService(registry, writer, clock, () -> UUID.randomUUID().toString().replace("-", ""));
        this.membership = new Membership(registry, profiles, clock);
        this.throttle = new SizeThrottle(clock, Duration.ofSeconds(10));
        ingest.registerReplay(journal);
        library.registerReplay(journal);
        segments.registerReplay(journal);
        Predicate<String> isThisAccount =
                ref -> accountId.equals(ref) || Long.toString(AccountInfo.SANDBOX_AID).equals(ref);
        this.resources = List.of(
                new CollectResource(ingest),
                new BrowserCollectResource(ingest),
                new EntityResource(profiles, membership, corpus, visibility),
                new PublicEntityResource(profiles, membership, isThisAccount, visibility),
                new SegmentResource(registry, segments, membership, corpus, throttle, accountId),
                new SchemaResource(new SchemaBuilder(streams, identities), streams, profiles, corpus),
                new ContentResource(corpus, library, new DomainContentContext(), isThisAccount));
        loadInitialState();
    }

    /**
     * Creates the domain and registers its replay handlers on the journal.
     *
     * @param journal   the journal (a no-op one in memory mode); not null
     * @param clock     the clock of every time the domain writes; not null
     * @param accountId the account id; not blank
     * @param demoData  whether to load the demo corpus, segments and profiles
     * @return the module
     * @throws IllegalArgumentException when {@code accountId} is blank
     */
    public static DomainModule create(Journal journal, Clock clock, String accountId, boolean demoData) {
        return create(journal, clock, accountId, demoData, IdentityFields.defaults().names());
    }

    /**
     * Creates the domain with other identity fields than the default {@code _uids}, {@code email},
     * {@code user_id} (for example adding {@code fbuid}), and registers its replay handlers.
     *
     * @param journal        the journal (a no-op one in memory mode); not null
     * @param clock          the clock of every time the domain writes; not null
     * @param accountId      the account id; not blank
     * @param demoData       whether to load the demo corpus, segments and profiles
     * @param identityFields the identity fields in order ({@code _uid} is read as {@code _uids}); not empty
     * @return the module
     * @throws IllegalArgumentException when {@code accountId} is blank or {@code identityFields} empty
     */
    public static DomainModule create(Journal journal, Clock clock, String accountId, boolean demoData,
                                      List<String> identityFields) {
        return create(journal, clock, accountId, demoData, identityFields, ProfileStore.DEFAULT_MAX_PROFILES);
    }

    /**
     * Creates the domain with other identity fields and another profile limit than the defaults,
     * and registers its replay handlers.
     *
     * @param journal        the journal (a no-op one in memory mode); not null
     * @param clock          the clock of every time the domain writes; not null
     * @param accountId      the account id; not blank
     * @param demoData       whether to load the demo corpus, segments and profiles
     * @param identityFields the identity fields in order ({@code _uid} is read as {@code _uids}); not empty
     * @param maxProfiles    the most profiles held (events that would create more are refused with 507); positive
     * @return the module
     * @throws IllegalArgumentException when {@code accountId} is blank, {@code identityFields} empty
     *                                  or {@code maxProfiles} not positive
     */
    public static DomainModule create(Journal journal, Clock clock, String accountId, boolean demoData,
                                      List<String> identityFields, int maxProfiles) {
        return create(journal, clock, accountId, demoData, identityFields, maxProfiles, ProfileVisibility.OPEN);
    }

    /**
     * Creates the domain with the account settings that decide which profile fields a caller may see
     * (public personalization, private fields), and registers its replay handlers.
     *
     * @param journal        the journal (a no-op one in memory mode); not null
     * @param clock          the clock of every time the domain writes; not null
     * @param accountId      the account id; not blank
     * @param demoData       whether to load the demo corpus, segments and profiles
     * @param identityFields the identity fields in order ({@code _uid} is read as {@code _uids}); not empty
     * @param maxProfiles    the most profiles held (events that would create more are refused with 507); positive
     * @param visibility     the account's public-personalization and private-field settings, read on every call; not null
     * @return the module
     * @throws IllegalArgumentException when {@code accountId} is blank, {@code identityFields} empty
     *                                  or {@code maxProfiles} not positive
     */
    public static DomainModule create(Journal journal, Clock clock, String accountId, boolean demoData,
                                      List<String> identityFields, int maxProfiles, ProfileVisibility visibility) {
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(visibility, "visibility");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        return new DomainModule(journal, clock, accountId, demoData, new IdentityFields(identityFields), maxProfiles,
                visibility);
    }

    /**
     * The JAX-RS resource instances to register: collection ({@code /collect}, {@code /c}),
     * entity ({@code /api/entity}, {@code /api/me}, the public {@code /api/me/{account}/{seerid}}),
     * segments, schema and content.
     *
     * @return an immutable list
     */
    public List<Object> resources() {
        return resources;
    }

    /**
     * Drops every profile, collected stream, saved segment and added document, and reloads the
     * initial state (the demo data, when enabled). Does not touch the journal.
     */
    public void reset() {
        writer.applyOnly(() -> {
            profiles.clear();
            streams.clear();
            corpus.clear();
            registry.clear();
            throttle.reset();
            return null;
        });
        loadInitialState();
    }

    /**
     * The profile holding an identity value (for tests and the embedding code).
     *
     * @param field an identity field
     * @param value the value
     * @return the profile's fields, if any
     */
    public Optional<Map<String, Object>> profile(String field, String value) {
        return profiles.find(field, value).map(StoredProfile::fields);
    }

    /**
     * The number of profiles.
     *
     * @return the count
     */
    public int profileCount() {
        return profiles.size();
    }

    private void loadInitialState() {
        if (demoData) {
            DemoData.load(library, segments, ingest, clock);
        }
    }

    /** Profiles and segments as the content API sees them. */
    private final class DomainContentContext implements ContentContext {
        @Override
        public Optional<Map<String, Object>> profile(String field, String value) {
            return profiles.find(field, value).map(StoredProfile::fields);
        }

        @Override
        public Optional<List<Map<String, Object>>> segmentMembers(String idOrSlug) {
            Optional<Segment> s = registry.find(idOrSlug).filter(x -> x.table().equals("user"));
            return s.map(seg -> membership.members(seg, 0).map(StoredProfile::fields).toList());
        }

        @Override
        public Optional<Predicate<Document>> contentSegment(String idOrSlug) {
            return registry.find(idOrSlug).filter(x -> x.table().equals("content")).map(membership::documentTest);
        }
    }
}
