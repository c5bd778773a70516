package io.lytx.sandbox.auth;

import io.lytx.sandbox.store.Journal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API tokens of the sandbox: the admin token given at start, plus tokens created through
 * {@code POST /api/auth/createtoken}.
 *
 * <p>Only a SHA-256 hash of each secret is kept (in memory and in the journal); a secret is
 * returned once, by {@link #create}. Created tokens and deletions are journaled under the kinds
 * {@value #KIND_CREATED} and {@value #KIND_DELETED}. Thread-safe; no method blocks except on the
 * journal's append.
 */
public final class TokenStore {

    /** The id of the admin token. */
    public static final String ADMIN_TOKEN_ID = "admin";
    /** Journal kind of a created token. */
    public static final String KIND_CREATED = "auth.token.created";
    /** Journal kind of a deleted token. */
    public static final String KIND_DELETED = "auth.token.deleted";
    /** The expiry Lytics reports for tokens that never expire. */
    public static final String NEVER = "0001-01-01T00:00:00Z";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminHash;
    private final Clock clock;
    private final Journal journal;
    private final Map<String, StoredToken> byHash = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAccess = new ConcurrentHashMap<>();

    /** One stored token (no secret). */
    private record StoredToken(String id, String hash, String label, String description, List<String> scopes,
                               String ttl, Instant expires, Instant created) {
    }

    /** The outcome of checking a presented token. */
    public sealed interface Check permits Check.Valid, Check.Unknown, Check.Expired {
        /** @param caller the authenticated caller */
        record Valid(Caller caller) implements Check {
        }

        /** No token, or one the sandbox does not know. */
        record Unknown() implements Check {
        }

        /** A known token past its expiry. */
        record Expired() implements Check {
        }
    }

    /**
     * A token just created: its public description and, this once, its secret.
     *
     * @param info   the listing entry
     * @param secret the token to send in {@code Authorization}
     */
    public record Issued(Map<String, Object> info, String secret) {
    }

    /**
     * Creates the store and registers its replay handlers.
     *
     * @param adminToken the admin token; not blank
     * @param clock      the time source for expiry; not null
     * @param journal    where created and deleted tokens are recorded; not null
     */
    public TokenStore(String adminToken, Clock clock, Journal journal) {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank");
        }
        this.adminHash = hash(adminToken);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.journal = Objects.requireNonNull(journal, "journal");
        journal.register(KIND_CREATED, this::replayCreated);
        journal.register(KIND_DELETED, r -> delete((String) r.get("id"), false));
    }

    /**
     * Checks a presented token.
     *
     * @param presented the token as sent; null or blank gives {@link Check.Unknown}
     * @return the caller, or why there is none
     */
    public Check check(String presented) {
        if (presented == null || presented.isBlank()) {
            return new Check.Unknown();
        }
        String h = hash(presented);
        if (MessageDigest.isEqual(h.getBytes(StandardCharsets.US_ASCII), adminHash.getBytes(StandardCharsets.US_ASCII))) {
            return new Check.Valid(new Caller(ADMIN_TOKEN_ID, "admin token", List.of(RoleTable.ADMIN), true));
        }
        StoredToken t = byHash.get(h);
        if (t == null) {
            return new Check.Unknown();
        }
        Instant now = clock.instant();
        if (t.expires() != null && !now.isBefore(t.expires())) {
            return new Check.Expired();
        }
        lastAccess.put(t.id(), now);
        return new Check.Valid(new Caller(t.id(), t.label(), t.scopes(), false));
    }

    /**
     * Creates a token. The caller has validated the scopes against {@link RoleTable}.
     *
     * @param label       the label; not null (may be empty when a description is given)
     * @param description the description; not null
     * @param scopes      the roles; not empty
     * @param expires     how long the token lives; null or zero for never
     * @param ttlText     the {@code expires} text as given, reported back as {@code ttl}; may be null
     * @return the token's description and secret
     */
    public Issued create(String label, String description, List<String> scopes, Duration expires, String ttlText) {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty");
        }
        String id = randomHex(16);
        String secret = "at." + id + "." + randomHex(24);
        Instant created = clock.instant();
        Instant expiry = expires == null || expires.isZero() ? null : created.plus(expires);
        StoredToken t = new StoredToken(id, hash(secret), label, description, List.copyOf(scopes),
                ttlText == null ? "" : ttlText, expiry, created);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", t.id());
        record.put("hash", t.hash());
        record.put("label", t.label());
        record.put("description", t.description());
        record.put("scopes", t.scopes());
        record.put("ttl", t.ttl());
        record.put("expires", expiry == null ? null : expiry.toString());
        record.put("created", created.toString());
        journal.append(KIND_CREATED, record);
        byHash.put(t.hash(), t);
        return new Issued(describe(t), secret);
    }

    @SuppressWarnings("unchecked")
    private void replayCreated(Map<String, Object> r) {
        Object expires = r.get("expires");
        StoredToken t = new StoredToken((String) r.get("id"), (String) r.get("hash"), (String) r.get("label"),
                (String) r.get("description"), List.copyOf((List<String>) r.get("scopes")), (String) r.get("ttl"),
                expires == null ? null : Instant.parse((String) expires), Instant.parse((String) r.get("created")));
        byHash.put(t.hash(), t);
    }

    /**
     * The created tokens, oldest first, without secrets.
     *
     * @return listing entries
     */
    public List<Map<String, Object>> list() {
        List<StoredToken> all = new ArrayList<>(byHash.values());
        all.sort(Comparator.comparing(StoredToken::created).thenComparing(StoredToken::id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredToken t : all) {
            out.add(describe(t));
        }
        return out;
    }

    /**
     * One created token, without its secret.
     *
     * @param id the token id
     * @return its listing entry, or empty when unknown
     */
    public Optional<Map<String, Object>> get(String id) {
        return byHash.values().stream().filter(t -> t.id().equals(id)).findFirst().map(this::describe);
    }

    /**
     * Deletes a created token; it stops working at once.
     *
     * @param id the token id
     * @return false when no such token exists
     */
    public boolean delete(String id) {
        return delete(id, true);
    }

    private boolean delete(String id, boolean journaled) {
        Optional<StoredToken> t = byHash.values().stream().filter(x -> x.id().equals(id)).findFirst();
        if (t.isEmpty()) {
            return false;
        }
        if (journaled) {
            journal.append(KIND_DELETED, Map.of("id", id));
        }
        byHash.remove(t.get().hash());
        lastAccess.remove(id);
        return true;
    }

    /** Forgets every created token (the admin token stays). */
    public void reset() {
        byHash.clear();
        lastAccess.clear();
    }

    private Map<String, Object> describe(StoredToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("type", "lytics-auth-token");
        m.put("label", t.label());
        m.put("description", t.description());
        m.put("scopes", t.scopes());
        m.put("ttl", t.ttl());
        m.put("expires", t.expires() == null ? NEVER : t.expires().toString());
        m.put("created", t.created().toString());
        m.put("updated", t.created().toString());
        Instant last = lastAccess.get(t.id());
        m.put("last_accessed_at", last == null ? null : last.toString());
        m.put("user_id", ADMIN_TOKEN_ID);
        m.put("internal", false);
        boolean expired = t.expires() != null && !clock.instant().isBefore(t.expires());
        m.put("status", expired ? "expired" : "active");
        return m;
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Random lowercase hex.
     *
     * @param bytes how many random bytes (the text is twice as long)
     * @return the hex text
     */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
