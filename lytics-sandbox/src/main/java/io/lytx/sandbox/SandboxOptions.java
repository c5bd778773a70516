package io.lytx.sandbox;

import io.lytx.sandbox.auth.Cidr;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link LyticsSandbox}. Immutable: every {@code withX} returns a changed copy.
 * Thread-safe.
 *
 * <p>Defaults ({@link #defaults()}): host {@code 127.0.0.1}, port 0 (any free port), a generated
 * admin token, memory only (no data directory), demo data on, no trusted proxies, the system UTC
 * clock, account id {@value #DEFAULT_ACCOUNT_ID}, appends synced to disk, identity fields
 * {@code _uids}, {@code email}, {@code user_id}, at most {@value ProfileStore#DEFAULT_MAX_PROFILES}
 * profiles.
 */
public final class SandboxOptions {

    /** The account id of the sandbox's account unless another is given. */
    public static final String DEFAULT_ACCOUNT_ID = "5a9d3c1b2e4f60718293a4b5c6d7e8f0";

    private final String host;
    private final int port;
    private final String adminToken;
    private final Path dataDir;
    private final boolean demoData;
    private final List<String> trustedProxies;
    private final Clock clock;
    private final String accountId;
    private final boolean syncWrites;
    private final List<String> identityFields;
    private final int maxProfiles;

    private SandboxOptions(String host, int port, String adminToken, Path dataDir, boolean demoData,
                           List<String> trustedProxies, Clock clock, String accountId, boolean syncWrites,
                           List<String> identityFields, int maxProfiles) {
        this.host = host;
        this.port = port;
        this.adminToken = adminToken;
        this.dataDir = dataDir;
        this.demoData = demoData;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.clock = clock;
        this.accountId = accountId;
        this.syncWrites = syncWrites;
        this.identityFields = List.copyOf(identityFields);
        this.maxProfiles = maxProfiles;
    }

    /**
     * The defaults for embedded use (a free port on loopback, memory only, demo data).
     *
     * @return the default options
     */
    public static SandboxOptions defaults() {
        return new SandboxOptions("127.0.0.1", 0, null, null, true, List.of(), Clock.systemUTC(),
                DEFAULT_ACCOUNT_ID, true, IdentityFields.defaults().names(), ProfileStore.DEFAULT_MAX_PROFILES);
    }

    /**
     * The address to bind.
     *
     * @param newHost a host name or address literal; not blank
     * @return a copy with the host
     */
    public SandboxOptions withHost(String newHost) {
        if (newHost == null || newHost.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        return new SandboxOptions(newHost.trim(), port, adminToken, dataDir, demoData, trustedProxies, clock, accountId,
                syncWrites, identityFields, maxProfiles);
    }

    /**
     * The port to bind.
     *
     * @param newPort 0..65535; 0 picks a free port
     * @return a copy with the port
     */
    public SandboxOptions withPort(int newPort) {
        if (newPort < 0 || newPort > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + newPort);
        }
        return new SandboxOptions(host, newPort, adminToken, dataDir, demoData, trustedProxies, clock, accountId,
                syncWrites, identityFields, maxProfiles);
    }

    /**
     * The admin token (every role, and the {@code /_sandbox/} endpoints).
     *
     * @param token the secret; not blank; null generates one at start
     * @return a copy with the token
     */
    public SandboxOptions withAdminToken(String token) {
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank");
        }
        return new SandboxOptions(host, port, token, dataDir, demoData, trustedProxies, clock, accountId, syncWrites,
                identityFields, maxProfiles);
    }

    /**
     * The data directory: with one, accepted changes are journaled there and replayed at start.
     *
     * @param dir the directory (created when absent); null for memory only
     * @return a copy with the directory
     */
    public SandboxOptions withDataDir(Path dir) {
        return new SandboxOptions(host, port, adminToken, dir, demoData, trustedProxies, clock, accountId, syncWrites,
                identityFields, maxProfiles);
    }

    /**
     * Whether the demo corpus, segments and profiles are loaded.
     *
     * @param on true to load them
     * @return a copy with the flag
     */
    public SandboxOptions withDemoData(boolean on) {
        return new SandboxOptions(host, port, adminToken, dataDir, on, trustedProxies, clock, accountId, syncWrites,
                identityFields, maxProfiles);
    }

    /**
     * The proxies whose {@code Forwarded}/{@code X-Forwarded-For} headers are believed for the IP
     * allowlist.
     *
     * @param cidrs CIDR ranges (or single addresses); not null
     * @return a copy with the ranges
     * @throws IllegalArgumentException naming the first invalid range
     */
    public SandboxOptions withTrustedProxies(List<String> cidrs) {
        Objects.requireNonNull(cidrs, "cidrs");
        for (String c : cidrs) {
            try {
                Cidr.parse(c);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid trusted proxy range \"" + c + "\": " + e.getMessage(), e);
            }
        }
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, new ArrayList<>(cidrs), clock, accountId,
                syncWrites, identityFields, maxProfiles);
    }

    /**
     * The time source (token expiry, timestamps); tests pass a controllable clock.
     *
     * @param newClock the clock; not null
     * @return a copy with the clock
     */
    public SandboxOptions withClock(Clock newClock) {
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, trustedProxies,
                Objects.requireNonNull(newClock, "clock"), accountId, syncWrites,
                identityFields, maxProfiles);
    }

    /**
     * The account id.
     *
     * @param id 32 lowercase hex characters
     * @return a copy with the id
     */
    public SandboxOptions withAccountId(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("accountId must be 32 lowercase hex characters, was " + id);
        }
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, trustedProxies, clock, id, syncWrites,
                identityFields, maxProfiles);
    }

    /**
     * Whether each journal append is forced to the disk ({@code fsync}); without it an append still
     * survives a JVM crash ({@code kill -9}), not a power loss.
     *
     * @param sync true to sync
     * @return a copy with the flag
     */
    public SandboxOptions withSyncWrites(boolean sync) {
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, trustedProxies, clock, accountId, sync,
                identityFields, maxProfiles);
    }

    /**
     * The identity fields of the user table, in order of precedence: the fields whose values
     * identify a profile and stitch profiles together.
     *
     * @param names field names such as {@code ["_uid","email","user_id","crm_id"]}; must include
     *              {@code _uid} (or {@code _uids}: the cookie id the tag and the public endpoint use);
     *              each a field name of letters, digits, {@code _}, {@code .} and {@code -}; not empty
     * @return a copy with the fields ({@code _uid} stored as {@code _uids}, duplicates dropped)
     * @throws IllegalArgumentException naming the bad name, or when {@code _uid} is missing
     */
    public SandboxOptions withIdentityFields(List<String> names) {
        Objects.requireNonNull(names, "names");
        for (String n : names) {
            if (n == null || !n.matches("[A-Za-z0-9_.\\-]{1,64}")) {
                throw new IllegalArgumentException("identity field \"" + n
                        + "\" is not a field name (letters, digits, _ . -, at most 64 characters)");
            }
        }
        List<String> canonical = new IdentityFields(names).names();
        if (!canonical.contains(IdentityFields.UIDS)) {
            throw new IllegalArgumentException("identity fields must include _uid (the cookie id), were " + names);
        }
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, trustedProxies, clock, accountId, syncWrites,
                canonical, maxProfiles);
    }

    /**
     * The most profiles the sandbox holds; an event that would create one more is refused with
     * {@code 507} (bulk uploads stop there), while every other request goes on working.
     *
     * @param max the limit; positive
     * @return a copy with the limit
     * @throws IllegalArgumentException when not positive
     */
    public SandboxOptions withMaxProfiles(int max) {
        if (max <= 0) {
            throw new IllegalArgumentException("maxProfiles must be positive, was " + max);
        }
        return new SandboxOptions(host, port, adminToken, dataDir, demoData, trustedProxies, clock, accountId, syncWrites,
                identityFields, max);
    }

    /** @return the most profiles the sandbox holds */
    public int maxProfiles() {
        return maxProfiles;
    }

    /** @return the identity fields of the user table, in order; {@code _uids} for the cookie id */
    public List<String> identityFields() {
        return identityFields;
    }

    /** @return the address to bind */
    public String host() {
        return host;
    }

    /** @return the port to bind; 0 for any free port */
    public int port() {
        return port;
    }

    /** @return the admin token, or empty when one is generated at start */
    public Optional<String> adminToken() {
        return Optional.ofNullable(adminToken);
    }

    /** @return the data directory, or empty for memory only */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** @return whether demo data is loaded */
    public boolean demoData() {
        return demoData;
    }

    /** @return the trusted proxy ranges */
    public List<String> trustedProxies() {
        return trustedProxies;
    }

    /** @return the time source */
    public Clock clock() {
        return clock;
    }

    /** @return the account id */
    public String accountId() {
        return accountId;
    }

    /** @return whether journal appends are synced to disk */
    public boolean syncWrites() {
        return syncWrites;
    }

    @Override
    public String toString() {
        return "SandboxOptions[host=" + host + ", port=" + port + ", adminToken=" + (adminToken == null ? "generated" : "***")
                + ", dataDir=" + dataDir + ", demoData=" + demoData + ", trustedProxies=" + trustedProxies
                + ", identityFields=" + identityFields + ", maxProfiles=" + maxProfiles + "]";
    }
}
