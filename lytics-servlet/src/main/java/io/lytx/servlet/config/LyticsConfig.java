package io.lytx.servlet.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The whole configuration of the plugin, read once at start-up from layers (highest first):
 * filter init-parameters, context parameters {@code lytics.*}, system properties {@code lytics.*},
 * environment variables {@code LYTICS_*}, then the defaults of {@link ConfigKey}.
 *
 * <p>Every value is validated when the config is built: an invalid one throws
 * {@link InvalidConfigException} naming the key, its layer and the value (never the token). A
 * missing token is not an error: the config is then {@linkplain #active() inactive} and
 * {@link #inactiveReason()} says why, so the site keeps working without the plugin.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the token.
 */
public final class LyticsConfig {

    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,4096}");
    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*){0,50}");
    private static final Pattern CACHE_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    /** RFC 6265 cookie-name = token (RFC 7230 tchar). */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}");
    /** RFC 6265 cookie-octet, no quotes. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("[\\x21\\x23-\\x2b\\x2d-\\x3a\\x3c-\\x5b\\x5d-\\x7e]{1,256}");
    private static final Pattern DOMAIN = Pattern.compile(
            "\\.?(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern STATUS_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,199}");
    private static final Pattern ROLE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    /** A field name of a browser event or of the bootstrap. */
    private static final Pattern EVENT_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");

    private final boolean switchedOn;
    private final URI apiUrl;
    private final String apiToken;
    private final String accountId;
    private final String stream;
    private final Duration budget;
    private final Duration connectTimeout;
    private final Duration warmup;
    private final int maxConnections;
    private final String cookieName;
    private final Duration cookieMaxAge;
    private final String cookieDomain;
    private final CookieSecurity cookieSecurity;
    private final Duration profileTtl;
    private final Duration profileRefresh;
    private final Duration profileNegativeTtl;
    private final long profileMaxEntries;
    private final Duration breakerOpen;
    private final int upstreamMaxRps;
    private final SharedCacheMode sharedCache;
    private final String sharedCacheProvider;
    private final java.net.URI sharedCacheUri;
    private final String sharedCacheName;
    private final java.util.Properties sharedCacheProperties;
    private final Duration sharedCacheTimeout;
    private final int recommendationLimit;
    private final PathPatterns eagerRecommendationPaths;
    private final boolean consentGpc;
    private final String consentCookieName;
    private final String consentCookieValue;
    private final Pattern botPattern;
    private final String identityField;
    private final String identityAttribute;
    private final boolean identityPrincipal;
    private final PathPatterns includePaths;
    private final PathPatterns excludePaths;
    private final PathPatterns staticAssets;
    private final boolean collectEnabled;
    private final boolean collectUserAgent;
    private final ClientIpMode clientIp;
    private final int queueMaxEvents;
    private final long queueMaxBytes;
    private final int batchMaxEvents;
    private final Duration batchLinger;
    private final Duration shutdownTimeout;
    private final boolean statusEnabled;
    private final String statusPath;
    private final String statusRole;
    private final boolean jmxEnabled;
    private final int relayQueueSharePercent;
    private final java.nio.file.Path spoolDir;
    private final long spoolMaxBytes;
    private final boolean endpointsEnabled;
    private final String endpointsPath;
    private final int relayRatePerMinute;
    private final int relayAddressRatePerMinute;
    private final Set<String> relayOrigins;
    private final List<String> relayIdentityFields;
    private final List<String> relayFields;
    private final List<String> bootstrapFields;
    private final boolean bootstrapPii;
    private final List<String> bootstrapPiiFields;
    private final String cspNonceAttribute;
    private final boolean tagLoader;
    private final String tagSrc;
    private final boolean previewEnabled;
    private final String previewRole;
    /** The reader, kept for {@link #invalid(ConfigKey, String)} (it holds only the layers and the names). */
    private final ConfigReader reader;
    /** How the site writes the token's setting, for the message that says it is missing. */
    private final String tokenSetting;

    private LyticsConfig(ConfigReader r, Function<ConfigKey, String> settingNames) {
        reader = r;
        tokenSetting = Objects.requireNonNull(settingNames.apply(ConfigKey.API_TOKEN), "setting name");
        switchedOn = r.bool(ConfigKey.ENABLED);
        apiUrl = r.httpUri(ConfigKey.API_URL);
        apiToken = r.matching(ConfigKey.API_TOKEN, TOKEN, "printable ASCII without spaces, at most 4096 characters");
        accountId = r.matching(ConfigKey.ACCOUNT_ID, ACCOUNT, "letters, digits, '_' or '-', at most 64");
        stream = r.streamName(ConfigKey.STREAM);
        budget = r.millis(ConfigKey.BUDGET_MS, 1, 10_000);
        connectTimeout = r.millis(ConfigKey.CONNECT_TIMEOUT_MS, 1, 60_000);
        warmup = r.millis(ConfigKey.WARMUP_MS, 0, 30_000);
        maxConnections = (int) r.integer(ConfigKey.MAX_CONNECTIONS, 1, 10_000);
        cookieName = r.matching(ConfigKey.COOKIE_NAME, COOKIE_NAME, "a cookie name (RFC 6265 token), at most 64");
        cookieMaxAge = Duration.ofDays(r.integer(ConfigKey.COOKIE_MAX_AGE_DAYS, 1, 730));
        String domain = r.matching(ConfigKey.COOKIE_DOMAIN, DOMAIN, "a host name such as example.com");
        cookieDomain = domain == null ? null : domain.toLowerCase(Locale.ROOT);
        cookieSecurity = r.choice(ConfigKey.COOKIE_SECURE, CookieSecurity.class);
        profileTtl = r.seconds(ConfigKey.PROFILE_TTL_S, 1, 86_400);
        profileRefresh = r.seconds(ConfigKey.PROFILE_REFRESH_S, 1, 86_400);
        if (profileRefresh.compareTo(profileTtl) >= 0) {
            throw r.invalid(ConfigKey.PROFILE_REFRESH_S, "must be shorter than " + r.name(ConfigKey.PROFILE_TTL_S)
                    + " (" + profileTtl.toSeconds() + ")");
        }
        profileNegativeTtl = r.seconds(ConfigKey.PROFILE_NEGATIVE_TTL_S, 1, 86_400);
        profileMaxEntries = r.integer(ConfigKey.PROFILE_MAX_ENTRIES, 1, 10_000_000);
        breakerOpen = r.seconds(ConfigKey.BREAKER_OPEN_S, 1, 3_600);
        upstreamMaxRps = (int) r.integer(ConfigKey.UPSTREAM_MAX_RPS, 0, 1_000_000);
        sharedCache = r.choice(ConfigKey.CACHE_SHARED, SharedCacheMode.class);
        sharedCacheProvider = r.matching(ConfigKey.CACHE_SHARED_PROVIDER, CLASS_NAME, "a Java class name");
        sharedCacheUri = r.uri(ConfigKey.CACHE_SHARED_URI);
        sharedCacheProperties = providerProperties(r);
        sharedCacheName = r.matching(ConfigKey.CACHE_SHARED_NAME, CACHE_NAME,
                "letters, digits, '_', '-', '.' or ':', at most 200");
        sharedCacheTimeout = r.millis(ConfigKey.CACHE_SHARED_TIMEOUT_MS, 1, 1_000);
        if (sharedCache == SharedCacheMode.JCACHE && sharedCacheTimeout.compareTo(budget) >= 0) {
            throw r.invalid(ConfigKey.CACHE_SHARED_TIMEOUT_MS, "must be shorter than " + r.name(ConfigKey.BUDGET_MS)
                    + " (" + budget.toMillis() + ")");
        }
        recommendationLimit = (int) r.integer(ConfigKey.RECOMMENDATIONS_LIMIT, 1, 100);
        eagerRecommendationPaths = r.paths(ConfigKey.RECOMMENDATIONS_EAGER_PATHS);
        Set<String> consent = consentModes(r);
        consentGpc = consent.contains("gpc");
        boolean consentCookie = consent.contains("cookie");
        String consentName = r.matching(ConfigKey.CONSENT_COOKIE_NAME, COOKIE_NAME, "a cookie name (RFC 6265 token)");
        if (consentCookie && consentName == null) {
            throw r.invalid(ConfigKey.CONSENT_COOKIE_NAME, "required when " + r.name(ConfigKey.CONSENT_MODE)
                    + " includes cookie");
        }
        consentCookieName = consentCookie ? consentName : null;
        consentCookieValue = r.matching(ConfigKey.CONSENT_COOKIE_VALUE, COOKIE_VALUE, "a cookie value (RFC 6265)");
        botPattern = r.regex(ConfigKey.BOT_PATTERN);
        identityField = r.matching(ConfigKey.IDENTITY_FIELD, FIELD, "a Lytics field name such as email or user_id");
        identityAttribute = r.matching(ConfigKey.IDENTITY_ATTRIBUTE, ATTRIBUTE, "an attribute name");
        identityPrincipal = r.bool(ConfigKey.IDENTITY_PRINCIPAL);
        includePaths = r.paths(ConfigKey.PATHS_INCLUDE);
        excludePaths = r.paths(ConfigKey.PATHS_EXCLUDE);
        staticAssets = r.extensions(ConfigKey.STATIC_EXTENSIONS);
        collectEnabled = r.bool(ConfigKey.COLLECT_ENABLED);
        collectUserAgent = r.bool(ConfigKey.COLLECT_USER_AGENT);
        clientIp = r.choice(ConfigKey.COLLECT_IP, ClientIpMode.class);
        queueMaxEvents = (int) r.integer(ConfigKey.QUEUE_MAX_EVENTS, 1, 1_000_000);
        queueMaxBytes = r.integer(ConfigKey.QUEUE_MAX_BYTES, 1_024, 1L << 32);
        batchMaxEvents = (int) r.integer(ConfigKey.BATCH_MAX_EVENTS, 1, 10_000);
        batchLinger = r.millis(ConfigKey.BATCH_LINGER_MS, 1, 60_000);
        shutdownTimeout = r.millis(ConfigKey.SHUTDOWN_TIMEOUT_MS, 0, 120_000);
        statusEnabled = r.bool(ConfigKey.STATUS_ENABLED);
        statusPath = r.matching(ConfigKey.STATUS_PATH, STATUS_PATH, "a path starting with / (letters, digits, ._~-/)");
        statusRole = role(r, ConfigKey.STATUS_ROLE);
        previewEnabled = r.bool(ConfigKey.PREVIEW_ENABLED);
        previewRole = role(r, ConfigKey.PREVIEW_ROLE);
        if (previewEnabled && previewRole == null) {
            // without a role any visitor (bots and those who refused consent included) could reveal every variant
            throw r.invalid(ConfigKey.PREVIEW_ROLE, "required when " + r.name(ConfigKey.PREVIEW_ENABLED) + " is true");
        }
        jmxEnabled = r.bool(ConfigKey.JMX_ENABLED);
        relayQueueSharePercent = (int) r.integer(ConfigKey.RELAY_QUEUE_SHARE, 1, 100);
        spoolDir = spoolDirectory(r);
        spoolMaxBytes = r.integer(ConfigKey.SPOOL_MAX_BYTES, 1_024, 1L << 32);
        endpointsEnabled = r.bool(ConfigKey.ENDPOINTS_ENABLED);
        endpointsPath = r.matching(ConfigKey.ENDPOINTS_PATH, BASE_PATH,
                "a path such as /lytics (letters, digits, ._~-, no trailing /)");
        relayRatePerMinute = (int) r.integer(ConfigKey.RELAY_RATE, 1, 10_000);
        relayAddressRatePerMinute = (int) r.integer(ConfigKey.RELAY_ADDRESS_RATE, 1, 100_000);
        relayOrigins = origins(r);
        if (r.bool(ConfigKey.RELAY_TRUST_IDENTITY)) {
            throw r.invalid(ConfigKey.RELAY_TRUST_IDENTITY, "identity fields are never taken from the browser "
                    + "(a page could merge its visitor's profile with anyone's); remove the setting");
        }
        relayIdentityFields = fields(r, ConfigKey.RELAY_IDENTITY_FIELDS);
        relayFields = relayAllowList(r);
        bootstrapFields = fields(r, ConfigKey.BOOTSTRAP_FIELDS);
        bootstrapPii = r.bool(ConfigKey.BOOTSTRAP_PII);
        bootstrapPiiFields = fields(r, ConfigKey.BOOTSTRAP_PII_FIELDS);
        cspNonceAttribute = r.matching(ConfigKey.CSP_NONCE_ATTRIBUTE, ATTRIBUTE, "an attribute name");
        tagLoader = r.bool(ConfigKey.TAG_LOADER);
        tagSrc = tagSource(r, accountId);
    }

    /** A comma (or space) list without repeats, in the order written; empty when unset. */
    private static List<String> list(ConfigReader r, ConfigKey key) {
        String text = r.string(key);
        List<String> out = new ArrayList<>();
        for (String s : text == null ? new String[0] : text.strip().split("[,\\s]+")) {
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** A list of event or profile field names (letters, digits, {@code _ . -}, at most 128). */
    private static List<String> fields(ConfigReader r, ConfigKey key) {
        List<String> out = list(r, key);
        for (String f : out) {
            if (!EVENT_FIELD.matcher(f).matches()) {
                throw r.invalid(key, "expected field names (letters, digits, _ . -), got '" + f + "'");
            }
        }
        return out;
    }

    /** The relay's allow-list: field names, or prefixes ending in {@code *}. */
    private static List<String> relayAllowList(ConfigReader r) {
        List<String> out = list(r, ConfigKey.RELAY_FIELDS);
        for (String entry : out) {
            String name = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
            if (name.isEmpty() || !EVENT_FIELD.matcher(name).matches()) {
                throw r.invalid(ConfigKey.RELAY_FIELDS, "expected field names or prefixes such as utm_* "
                        + "(letters, digits, _ . -), got '" + entry + "'");
            }
        }
        return out;
    }

    /** Extra origins allowed to post events, as {@code scheme://host[:port]} in lower case. */
    private static Set<String> origins(ConfigReader r) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String text : list(r, ConfigKey.RELAY_ORIGINS)) {
            String origin = null;
            try {
                URI u = new URI(text);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                        && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null
                        && u.getRawUserInfo() == null) {
                    origin = scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : "");
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            if (origin == null) {
                throw r.invalid(ConfigKey.RELAY_ORIGINS,
                        "expected origins such as https://www.example.com, got '" + text + "'");
            }
            out.add(origin);
        }
        return Set.copyOf(out);
    }

    /** The official tag's URL: the setting (an https URL), else Lytics' URL for the account, else null. */
    private static String tagSource(ConfigReader r, String accountId) {
        String src = r.string(ConfigKey.TAG_SRC);
        if (src == null) {
            return accountId == null ? null : "https://c.lytics.io/api/tag/" + accountId + "/latest.min.js";
        }
        if (!src.regionMatches(true, 0, "https://", 0, 8) || !httpsUrl(src)) {
            throw r.invalid(ConfigKey.TAG_SRC, "expected an https URL");
        }
        return src;
    }

    /**
     * An absolute https URL with a host, at most 2048 characters, without control characters, whitespace
     * or backslashes (the rule of the bootstrap's {@code SafeUrl} for an https URL).
     */
    private static boolean httpsUrl(String text) {
        if (text.length() > 2048 || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c)
                || c == '\\')) {
            return false;
        }
        try {
            URI u = new URI(text);
            return "https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** A role name (blank = none), or null. */
    private static String role(ConfigReader r, ConfigKey key) {
        ConfigReader.Raw raw = r.raw(key).orElse(null);
        String role = raw == null ? "" : raw.value().strip();
        if (role.isEmpty()) {
            return null;
        }
        if (!ROLE.matcher(role).matches()) {
            throw r.invalid(raw, "expected a role name without spaces");
        }
        return role;
    }

    private static java.nio.file.Path spoolDirectory(ConfigReader r) {
        String text = r.string(ConfigKey.SPOOL_DIR);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            java.nio.file.Path dir = java.nio.file.Path.of(text.strip());
            if (dir.isAbsolute()) {
                return dir.normalize();
            }
        } catch (java.nio.file.InvalidPathException e) {
            // reported below
        }
        throw r.invalid(ConfigKey.SPOOL_DIR, "expected an absolute directory path");
    }

    private static java.util.Properties providerProperties(ConfigReader r) {
        java.util.Properties out = new java.util.Properties();
        ConfigReader.Raw raw = r.raw(ConfigKey.CACHE_SHARED_PROPERTIES).orElseThrow();
        for (String part : raw.value().split(",")) {
            String entry = part.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw r.invalid(raw, "expected name=value pairs separated by commas");
            }
            out.setProperty(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return out;
    }

    private static Set<String> consentModes(ConfigReader r) {
        ConfigReader.Raw raw = r.raw(ConfigKey.CONSENT_MODE).orElseThrow();
        Set<String> modes = new java.util.HashSet<>();
        for (String part : raw.value().toLowerCase(Locale.ROOT).split("[,+ ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!Set.of("none", "gpc", "cookie").contains(part)) {
                throw r.invalid(raw, "expected none, gpc, cookie or gpc,cookie");
            }
            modes.add(part);
        }
        if (modes.contains("none") && modes.size() > 1) {
            throw r.invalid(raw, "none cannot be combined with another mode");
        }
        return modes;
    }

    /**
     * Reads and validates a config from layers, highest first; defaults come last.
     *
     * @throws NullPointerException   if {@code layers} or one of them is null
     * @throws InvalidConfigException if a value is invalid (the message names key, layer and value)
     */
    public static LyticsConfig load(List<ConfigSource> layers) {
        return load(layers, ConfigKey::key);
    }

    /**
     * Reads and validates a config from layers, highest first; defaults come last. A framework whose
     * settings spell the keys otherwise (Spring Boot's {@code lytics.api-token}) passes its spelling,
     * which messages to the site use.
     *
     * @param layers       the layers, highest first
     * @param settingNames how the site writes a key's setting, e.g. {@code ConfigKey::key}
     * @throws NullPointerException   if an argument or one of the layers is null
     * @throws InvalidConfigException if a value is invalid (the message names key, layer and value)
     */
    public static LyticsConfig load(List<ConfigSource> layers, Function<ConfigKey, String> settingNames) {
        Objects.requireNonNull(layers, "layers");
        Objects.requireNonNull(settingNames, "settingNames");
        for (ConfigSource layer : layers) {
            Objects.requireNonNull(layer, "layers contains null");
        }
        return new LyticsConfig(new ConfigReader(layers, settingNames), settingNames);
    }

    /** A config from the system properties and the environment only (then defaults). */
    public static LyticsConfig fromSystem() {
        return load(List.of(ConfigSource.systemProperties(), ConfigSource.environment()));
    }

    /** A builder for programmatic configuration (values given to it rank above every other layer). */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether the plugin does its work: switched on and a token is present. */
    public boolean active() {
        return switchedOn && apiToken != null;
    }

    /** Why the plugin is inactive ({@code null} when {@link #active()}); never contains the token. */
    public String inactiveReason() {
        if (!switchedOn) {
            return ConfigKey.ENABLED.key() + " is false";
        }
        if (apiToken == null) {
            return "no API token: set " + ConfigKey.API_TOKEN.environmentName() + " or " + tokenSetting;
        }
        return null;
    }

    /** Base URI of the API. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The API token, empty when absent. Keep it on the server: never print, log or send it to a browser. */
    public Optional<String> apiToken() {
        return Optional.ofNullable(apiToken);
    }

    /** Account id sent as {@code account_id}, empty when not configured. */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /** Stream of forwarded events. */
    public String stream() {
        return stream;
    }

    /** Per-request budget of profile and recommendations. */
    public Duration budget() {
        return budget;
    }

    /** Connect timeout of the API client. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Longest wait for the start-up warm-up call; zero means no warm-up. */
    public Duration warmup() {
        return warmup;
    }

    /** Connection pool size of the API client. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Name of the visitor-id cookie. */
    public String cookieName() {
        return cookieName;
    }

    /** Max-Age of a minted cookie. */
    public Duration cookieMaxAge() {
        return cookieMaxAge;
    }

    /** Domain attribute of the cookie, empty for host-only. */
    public Optional<String> cookieDomain() {
        return Optional.ofNullable(cookieDomain);
    }

    /** When the cookie is Secure. */
    public CookieSecurity cookieSecurity() {
        return cookieSecurity;
    }

    /** Hard expiry of cached profiles. */
    public Duration profileTtl() {
        return profileTtl;
    }

    /** Refresh-ahead age of cached profiles (shorter than {@link #profileTtl()}). */
    public Duration profileRefresh() {
        return profileRefresh;
    }

    /** TTL of new-visitor answers. */
    public Duration profileNegativeTtl() {
        return profileNegativeTtl;
    }

    /** Cache bound in entries. */
    public long profileMaxEntries() {
        return profileMaxEntries;
    }

    /** How long the breaker stays open. */
    public Duration breakerOpen() {
        return breakerOpen;
    }

    /** The most upstream calls per second of this node; 0 for no ceiling. */
    public int upstreamMaxRps() {
        return upstreamMaxRps;
    }

    /** Whether lookups go through a shared second-level cache, and which kind. */
    public SharedCacheMode sharedCache() {
        return sharedCache;
    }

    /** Class name of the JCache provider, or null for the default one. */
    public String sharedCacheProvider() {
        return sharedCacheProvider;
    }

    /** The JCache provider's configuration URI, or null for its default. */
    public java.net.URI sharedCacheUri() {
        return sharedCacheUri;
    }

    /** Properties handed to the JCache provider (a copy; empty when none). */
    public java.util.Properties sharedCacheProperties() {
        java.util.Properties copy = new java.util.Properties();
        copy.putAll(sharedCacheProperties);
        return copy;
    }

    /** Name of the shared cache. */
    public String sharedCacheName() {
        return sharedCacheName;
    }

    /** How long a lookup waits for the shared cache (shorter than the budget). */
    public Duration sharedCacheTimeout() {
        return sharedCacheTimeout;
    }

    /** Default number of recommendations. */
    public int recommendationLimit() {
        return recommendationLimit;
    }

    /** Paths whose recommendations are fetched together with the profile. */
    public PathPatterns eagerRecommendationPaths() {
        return eagerRecommendationPaths;
    }

    /** Whether {@code Sec-GPC: 1} refuses consent. */
    public boolean consentGpc() {
        return consentGpc;
    }

    /** Name of the consent cookie when consent by cookie is required, else empty. */
    public Optional<String> consentCookieName() {
        return Optional.ofNullable(consentCookieName);
    }

    /** Value of the consent cookie that grants consent. */
    public String consentCookieValue() {
        return consentCookieValue;
    }

    /** Case-insensitive bot pattern, matched with {@code find()} on the User-Agent. */
    public Pattern botPattern() {
        return botPattern;
    }

    /** Lytics identity field of a known user. */
    public String identityField() {
        return identityField;
    }

    /** Session/request attribute holding the known user's identity, empty when not configured. */
    public Optional<String> identityAttribute() {
        return Optional.ofNullable(identityAttribute);
    }

    /** Whether the container principal identifies a known user. */
    public boolean identityPrincipal() {
        return identityPrincipal;
    }

    /** Paths always handled. */
    public PathPatterns includePaths() {
        return includePaths;
    }

    /** Paths never handled. */
    public PathPatterns excludePaths() {
        return excludePaths;
    }

    /** Static assets skipped (by extension). */
    public PathPatterns staticAssets() {
        return staticAssets;
    }

    /** Whether page views are forwarded. */
    public boolean collectEnabled() {
        return collectEnabled;
    }

    /** Whether page views carry the User-Agent. */
    public boolean collectUserAgent() {
        return collectUserAgent;
    }

    /** Client IP policy. */
    public ClientIpMode clientIp() {
        return clientIp;
    }

    /** Queue bound in events. */
    public int queueMaxEvents() {
        return queueMaxEvents;
    }

    /** Queue bound in estimated bytes. */
    public long queueMaxBytes() {
        return queueMaxBytes;
    }

    /** Events per batch. */
    public int batchMaxEvents() {
        return batchMaxEvents;
    }

    /** Batch linger. */
    public Duration batchLinger() {
        return batchLinger;
    }

    /** Deadline of the flush on undeploy. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }

    /** Whether the JSON status endpoint is served. */
    public boolean statusEnabled() {
        return statusEnabled;
    }

    /** Path of the JSON status endpoint. */
    public String statusPath() {
        return statusPath;
    }

    /** Container role that may read the status endpoint from anywhere; empty = loopback callers only. */
    public Optional<String> statusRole() {
        return Optional.ofNullable(statusRole);
    }

    /** Whether the metrics MBean is registered. */
    public boolean jmxEnabled() {
        return jmxEnabled;
    }

    /** Percent of the forwarding queue (events and bytes) that browser events relayed by the collect endpoint may fill. */
    public int relayQueueSharePercent() {
        return relayQueueSharePercent;
    }

    /** The spool directory for events unsent at undeploy; empty when spooling is off (the default). */
    public Optional<java.nio.file.Path> spoolDir() {
        return Optional.ofNullable(spoolDir);
    }

    /** Most bytes written to the spool at undeploy, and read from one spool file at start. */
    public long spoolMaxBytes() {
        return spoolMaxBytes;
    }

    /** Whether the first-party endpoints (profile, collect, helper script) are served. */
    public boolean endpointsEnabled() {
        return endpointsEnabled;
    }

    /** Base path of the first-party endpoints inside the web app, e.g. {@code /lytics} (no trailing slash). */
    public String endpointsPath() {
        return endpointsPath;
    }

    /** Browser events accepted per visitor and minute by the collect relay, 1..10000. */
    public int relayRatePerMinute() {
        return relayRatePerMinute;
    }

    /** Browser events accepted per client address and minute by the collect relay, 1..100000. */
    public int relayAddressRatePerMinute() {
        return relayAddressRatePerMinute;
    }

    /** Extra origins allowed to post events, {@code scheme://host[:port]} in lower case; unmodifiable. */
    public Set<String> relayOrigins() {
        return relayOrigins;
    }

    /** Identity fields never taken from browser events (besides the built-in ones), as written; unmodifiable. */
    public List<String> relayIdentityFields() {
        return relayIdentityFields;
    }

    /**
     * The relay's allow-list as written: field names, or prefixes ending in {@code *} (each checked for
     * its characters; whether one admits an identity field is checked by the relay); unmodifiable.
     */
    public List<String> relayFields() {
        return relayFields;
    }

    /** Profile fields allowed in the bootstrap and the profile endpoint's answer; unmodifiable. */
    public List<String> bootstrapFields() {
        return bootstrapFields;
    }

    /** Whether allow-listed PII fields may go to the browser. */
    public boolean bootstrapPii() {
        return bootstrapPii;
    }

    /** Field names that are PII, as written; unmodifiable. */
    public List<String> bootstrapPiiFields() {
        return bootstrapPiiFields;
    }

    /** Request attribute holding the CSP nonce. */
    public String cspNonceAttribute() {
        return cspNonceAttribute;
    }

    /** Whether the head tag also loads the official Lytics JS tag. */
    public boolean tagLoader() {
        return tagLoader;
    }

    /**
     * URL of the official tag: {@code lytics.tag.src}, else Lytics' URL for {@code lytics.account.id};
     * empty when neither is set.
     */
    public Optional<String> tagSrc() {
        return Optional.ofNullable(tagSrc);
    }

    /** Whether editors may preview segments. */
    public boolean previewEnabled() {
        return previewEnabled;
    }

    /** Container role required to preview; present whenever preview is enabled. */
    public Optional<String> previewRole() {
        return Optional.ofNullable(previewRole);
    }

    /**
     * An exception for a rule a component checks on values this config has already parsed (for
     * example a relay allow-list entry that would admit an identity field): it names the key as the
     * site writes it, the layer and the value, in the same words as every other invalid setting.
     *
     * @param key     the key whose value breaks the rule, never null
     * @param problem what is wrong and what is expected
     * @return the exception, to be thrown by the caller
     */
    public InvalidConfigException invalid(ConfigKey key, String problem) {
        return reader.invalid(Objects.requireNonNull(key, "key"), Objects.requireNonNull(problem, "problem"));
    }

    /**
     * The settings as key → value text for diagnostics (status endpoint); the token is reported
     * only as {@code "set"} or {@code "absent"}.
     */
    public Map<String, String> describe() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ConfigKey.ENABLED.key(), String.valueOf(switchedOn));
        out.put(ConfigKey.API_URL.key(), apiUrl.toString());
        out.put(ConfigKey.API_TOKEN.key(), apiToken == null ? "absent" : "set");
        out.put(ConfigKey.ACCOUNT_ID.key(), accountId == null ? "" : accountId);
        out.put(ConfigKey.STREAM.key(), stream);
        out.put(ConfigKey.BUDGET_MS.key(), String.valueOf(budget.toMillis()));
        out.put(ConfigKey.WARMUP_MS.key(), String.valueOf(warmup.toMillis()));
        out.put(ConfigKey.COOKIE_NAME.key(), cookieName);
        out.put(ConfigKey.CONSENT_MODE.key(), consentGpc && consentCookieName != null ? "gpc,cookie"
                : consentGpc ? "gpc" : consentCookieName != null ? "cookie" : "none");
        out.put(ConfigKey.IDENTITY_FIELD.key(), identityField);
        out.put(ConfigKey.COLLECT_ENABLED.key(), String.valueOf(collectEnabled));
        out.put(ConfigKey.COLLECT_IP.key(), clientIp.name().toLowerCase(Locale.ROOT));
        out.put(ConfigKey.STATUS_PATH.key(), statusPath);
        return out;
    }

    @Override
    public String toString() {
        return "LyticsConfig" + describe();
    }

    /**
     * Programmatic configuration. Values set here rank above every other layer; layers added with
     * {@link #fallback(ConfigSource)} come next, in the order added, then the defaults. Not
     * thread-safe; build once.
     */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<ConfigSource> fallbacks = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets a key.
         *
         * @throws NullPointerException     if {@code key} is null
         * @throws IllegalArgumentException if {@code key} is not a {@link ConfigKey}
         */
        public Builder set(ConfigKey key, String value) {
            Objects.requireNonNull(key, "key");
            if (value == null) {
                values.remove(key.key());
            } else {
                values.put(key.key(), value);
            }
            return this;
        }

        /**
         * Sets a key by its dotted name.
         *
         * @throws NullPointerException     if {@code key} is null
         * @throws IllegalArgumentException if {@code key} is not a known key
         */
        public Builder set(String key, String value) {
            Objects.requireNonNull(key, "key");
            return set(ConfigKey.byName(key).orElseThrow(
                    () -> new IllegalArgumentException("unknown Lytics configuration key: " + key)), value);
        }

        /** Sets the API base URI. */
        public Builder apiUrl(URI url) {
            return set(ConfigKey.API_URL, Objects.requireNonNull(url, "url").toString());
        }

        /** Sets the API token. */
        public Builder apiToken(String token) {
            return set(ConfigKey.API_TOKEN, Objects.requireNonNull(token, "token"));
        }

        /** Sets the per-request budget (whole milliseconds). */
        public Builder budget(Duration budget) {
            return set(ConfigKey.BUDGET_MS, String.valueOf(Objects.requireNonNull(budget, "budget").toMillis()));
        }

        /** Sets the stream of forwarded events. */
        public Builder stream(String stream) {
            return set(ConfigKey.STREAM, Objects.requireNonNull(stream, "stream"));
        }

        /**
         * Adds a lower-ranking layer, e.g. {@link ConfigSource#environment()}.
         *
         * @throws NullPointerException if {@code source} is null
         */
        public Builder fallback(ConfigSource source) {
            fallbacks.add(Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws InvalidConfigException if a value is invalid
         */
        public LyticsConfig build() {
            List<ConfigSource> layers = new ArrayList<>();
            layers.add(ConfigSource.map("programmatic setting", Map.copyOf(values)));
            layers.addAll(fallbacks);
            return load(layers);
        }
    }
}
