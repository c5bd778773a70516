package io.lytx.servlet.config;

import io.lytx.client.collect.StreamName;
import java.util.Objects;
import java.util.Optional;

/**
 * Every configuration key of the plugin, with its default and a one-line description (the README
 * table is written from this list). Each key can be set as a filter init-parameter, a context
 * parameter, a system property (all with the dotted name) or an environment variable
 * ({@link #environmentName()}, e.g. {@code LYTICS_API_TOKEN}).
 */
public enum ConfigKey {
    /** Master switch. */
    ENABLED("lytics.enabled", "true", "master switch; false turns the filter into a pass-through"),
    /** Base URI of the Lytics API. */
    API_URL("lytics.api.url", "https://api.lytics.io", "base URI of the Lytics API (http or https)"),
    /** API token (secret). */
    API_TOKEN("lytics.api.token", null, "API token; absent = plugin disabled with one warning; never logged or shown"),
    /** Optional account id. */
    ACCOUNT_ID("lytics.account.id", null, "account id sent as account_id (optional)"),
    /** Collection stream. */
    STREAM("lytics.stream", StreamName.DEFAULT, "stream the page views and login events are sent to: 1-100 letters, digits, _ . -, starting with a letter, digit or _"),
    /** Per-request budget. */
    BUDGET_MS("lytics.budget.ms", "150", "per-request budget for profile and recommendations, ms (1..10000)"),
    /** Connect timeout. */
    CONNECT_TIMEOUT_MS("lytics.http.connect.timeout.ms", "1000", "TCP connect timeout of the API client, ms"),
    /** Connection pool size. */
    MAX_CONNECTIONS("lytics.http.max.connections", "64", "connection pool size of the API client"),

    WARMUP_MS("lytics.warmup.ms", "2000", "at start-up, wait up to this long for one profile lookup of an id no "
            + "visitor has (00000000-0000-4000-8000-000000000000): it loads the HTTP and JSON machinery and opens a "
            + "connection, so the first pages after a deploy get their profile within budget instead of showing "
            + "UNAVAILABLE, ms (0 = no warm-up, up to 30000)"),
    /** Identity cookie name. */
    COOKIE_NAME("lytics.cookie.name", "seerid", "name of the visitor-id cookie (shared with the Lytics JS tag)"),
    /** Identity cookie lifetime. */
    COOKIE_MAX_AGE_DAYS("lytics.cookie.max.age.days", "365", "Max-Age of a minted cookie, days (1..730)"),
    /** Identity cookie domain. */
    COOKIE_DOMAIN("lytics.cookie.domain", null, "Domain attribute of the cookie (e.g. example.com); absent = host only"),
    /** Secure attribute policy. */
    COOKIE_SECURE("lytics.cookie.secure", "auto", "Secure attribute: auto (when the request is HTTPS), always, never"),
    /** Hard TTL of known profiles. */
    PROFILE_TTL_S("lytics.profile.ttl.s", "60", "hard expiry of a cached profile, seconds"),
    /** Refresh-ahead age. */
    PROFILE_REFRESH_S("lytics.profile.refresh.s", "30", "age after which a cached profile is refreshed in the background, seconds (less than the ttl)"),
    /** Negative cache TTL. */
    PROFILE_NEGATIVE_TTL_S("lytics.profile.negative.ttl.s", "10", "how long a new-visitor (Not Found) answer is cached, seconds"),
    /** Cache bound. */
    PROFILE_MAX_ENTRIES("lytics.profile.max.entries", "10000", "bound of the profile cache, entries"),
    /** Breaker open duration. */
    BREAKER_OPEN_S("lytics.breaker.open.s", "5", "how long the circuit breaker stays open before probing, seconds"),
    /** Ceiling on upstream calls per second. */
    UPSTREAM_MAX_RPS("lytics.upstream.max.rps", "0",
            "most profile and recommendation calls this node makes to Lytics per second; 0 = no ceiling (a 429 "
            + "from Lytics always pauses lookups for its Retry-After, 5 s when it names none)"),
    /** Shared second-level cache. */
    CACHE_SHARED("lytics.cache.shared", "none",
            "none, or jcache: the nodes of a site share their profile lookups through a JCache (JSR-107) cache"),
    /** JCache provider. */
    CACHE_SHARED_PROVIDER("lytics.cache.shared.provider", null,
            "class name of the JCache CachingProvider; absent = the only one on the class path"),
    /** JCache provider configuration. */
    CACHE_SHARED_URI("lytics.cache.shared.uri", null,
            "the provider's configuration URI (Hazelcast: a config file such as file:/etc/lytics/hazelcast.xml, or the "
            + "name of a running instance), the same text on every node; absent = the provider's default"),
    /** JCache provider properties. */
    CACHE_SHARED_PROPERTIES("lytics.cache.shared.properties", "",
            "comma list of name=value properties handed to the JCache provider with the URI (Hazelcast: "
            + "hazelcast.config.location=file:/etc/lytics/hazelcast.xml starts a member this node stops at undeploy)"),
    /** JCache cache name. */
    CACHE_SHARED_NAME("lytics.cache.shared.name", "lytics-profiles",
            "name of the shared cache (created with String keys and values when it does not exist)"),
    /** Shared cache read timeout. */
    CACHE_SHARED_TIMEOUT_MS("lytics.cache.shared.timeout.ms", "20",
            "how long a lookup that missed this node's cache waits for the shared one before asking Lytics, ms "
            + "(1..1000, below the budget)"),
    /** Default recommendation count. */
    RECOMMENDATIONS_LIMIT("lytics.recommendations.limit", String.valueOf(ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT), "number of recommendations when a page asks for none (1..100)"),
    /** Paths with eager recommendations. */
    RECOMMENDATIONS_EAGER_PATHS("lytics.recommendations.eager.paths", "",
            "comma list of path patterns (/exact, /prefix/*, *.ext) whose recommendations are fetched with the profile"),
    /** Consent mode. */
    CONSENT_MODE("lytics.consent.mode", "none",
            "none (no consent needed), gpc (Sec-GPC: 1 refuses), cookie (consent cookie required), or gpc,cookie"),
    /** Consent cookie name. */
    CONSENT_COOKIE_NAME("lytics.consent.cookie.name", null, "name of the consent cookie (required by consent mode cookie)"),
    /** Consent cookie value. */
    CONSENT_COOKIE_VALUE("lytics.consent.cookie.value", "true", "value of the consent cookie that grants consent (when the cookie comes "
            + "several times, every value must grant: a refusal wins)"),
    /** Bot user-agent pattern. */
    BOT_PATTERN("lytics.bot.pattern", BotPatterns.DEFAULT,
            "case-insensitive regex on User-Agent; a match (or no User-Agent) is a bot: nothing fetched or collected. "
                    + "Default: a built-in pattern (crawlers, monitors, curl, wget, HTTP libraries, headless browsers)"),
    /** Known-user identity field. */
    IDENTITY_FIELD("lytics.identity.field", "email", "Lytics identity field of a logged-in user (email, user_id, ...)"),
    /** Known-user attribute. */
    IDENTITY_ATTRIBUTE("lytics.identity.attribute", null,
            "session or request attribute holding the logged-in user's identity value (string)"),
    /** Use the container principal. */
    IDENTITY_PRINCIPAL("lytics.identity.principal", "true", "use request.getUserPrincipal().getName() as the known identity"),
    /** Extra paths treated as pages. */
    PATHS_INCLUDE("lytics.paths.include", "", "comma list of path patterns always handled, whatever their Accept header"),
    /** Paths never handled. */
    PATHS_EXCLUDE("lytics.paths.exclude", "", "comma list of path patterns never handled"),
    /** Static asset extensions. */
    STATIC_EXTENSIONS("lytics.static.extensions",
            "css,js,mjs,map,png,jpg,jpeg,gif,svg,ico,webp,avif,bmp,woff,woff2,ttf,otf,eot,mp3,mp4,webm,ogg,pdf,zip,gz,txt,xml,json,wasm",
            "comma list of file extensions skipped as static assets"),
    /** Collection switch. */
    COLLECT_ENABLED("lytics.collect.enabled", "true", "forward page views to Lytics"),
    /** Collect the user agent. */
    COLLECT_USER_AGENT("lytics.collect.user.agent", "true", "add the User-Agent to page views (field user_agent)"),
    /** Client IP policy. */
    COLLECT_IP("lytics.collect.ip", "anonymized",
            "client IP in page views (field ip): full, anonymized (IPv4 /24, IPv6 /48), off"),
    /** Queue bound in events. */
    QUEUE_MAX_EVENTS("lytics.queue.max.events", "10000", "bound of the forwarding queue, events"),
    /** Queue bound in bytes. */
    QUEUE_MAX_BYTES("lytics.queue.max.bytes", "16777216", "bound of the forwarding queue, estimated bytes"),
    /** Batch size. */
    BATCH_MAX_EVENTS("lytics.batch.max.events", "500", "events per upload batch"),
    /** Batch linger. */
    BATCH_LINGER_MS("lytics.batch.linger.ms", "1000", "how long the worker waits to fill a batch, ms (1..60000)"),
    /** Shutdown deadline. */
    SHUTDOWN_TIMEOUT_MS("lytics.shutdown.timeout.ms", "5000", "deadline for flushing the queue on undeploy, ms"),
    /** JSON status endpoint switch. */
    STATUS_ENABLED("lytics.status.enabled", "false", "serve the JSON status endpoint"),
    /** JSON status endpoint path. */
    STATUS_PATH("lytics.status.path", "/lytics/status", "path (inside the web app) of the JSON status endpoint"),
    /** Role that may read the status endpoint. */
    STATUS_ROLE("lytics.status.role", null, "container role that may read the status endpoint from anywhere; "
            + "without it (or the role) only loopback callers not behind a proxy may"),
    /** JMX switch. */
    JMX_ENABLED("lytics.jmx.enabled", "true", "register the metrics MBean"),

    // ---- templates, bootstrap, first-party endpoints, preview (read by io.lytx.servlet.internal.web.FirstPartySettings)
    /** First-party endpoints switch. */
    ENDPOINTS_ENABLED("lytics.endpoints.enabled", "true", "serve the first-party endpoints (profile, collect, helper script)"),
    /** Base path of the first-party endpoints. */
    ENDPOINTS_PATH("lytics.endpoints.path", "/lytics", "base path (inside the web app) of the first-party endpoints"),
    /** Browser events per visitor and minute. */
    RELAY_RATE("lytics.endpoints.collect.rate", "60", "browser events accepted per visitor per minute by POST {base}/collect (1..10000)"),
    /** Extra origins allowed to post events. */
    RELAY_ORIGINS("lytics.endpoints.collect.origins", "",
            "comma list of extra origins (https://host[:port]) allowed to POST events; same-origin is always allowed"),
    /** Keep client identity fields. */
    RELAY_TRUST_IDENTITY("lytics.endpoints.collect.trust.identity", "false",
            "must stay false: identity fields are never taken from the browser (true fails at start-up)"),
    /** Client identity fields dropped. */
    RELAY_IDENTITY_FIELDS("lytics.endpoints.collect.identity.fields",
            "_uid,_uido,_uidn,_getid,email,emails,user_id,userid,uid,phone,mobile,customer_id",
            "comma list of identity fields never taken from browser events, besides _uid, _uids, seerid, the cookie "
                    + "name and lytics.identity.field: add every identity (by) field of your account"),
    /** Browser event fields the relay forwards (allow-list). */
    RELAY_FIELDS("lytics.endpoints.collect.fields",
            "_e,_ts,_pvid,_v,url,_ref,_sesref,_sesstart,_tz,_ul,_sz,_mob,_nmob,_device,_if,utm_*",
            "the allow-list: comma list of the browser event fields POST {base}/collect forwards (a trailing * "
                    + "matches a prefix, e.g. utm_*); every other field is dropped; an entry naming or matching an "
                    + "identity field fails start-up"),
    /** Browser events per client address and minute. */
    RELAY_ADDRESS_RATE("lytics.endpoints.collect.address.rate", "600",
            "browser events accepted per client address (IPv4, or IPv6 /64) per minute by POST {base}/collect, "
                    + "whatever visitor ids it sends (1..100000)"),
    /** Share of the queue browser events may take. */
    RELAY_QUEUE_SHARE("lytics.endpoints.collect.queue.share", "20",
            "percent of the forwarding queue (events and bytes) that browser events may fill, so that page views "
                    + "always find room (1..100)"),
    /** Spool directory. */
    SPOOL_DIR("lytics.spool.dir", null,
            "directory where events still unsent at undeploy are written and sent from on the next start "
                    + "(absolute path; absent = off: they are lost)"),
    /** Spool size cap. */
    SPOOL_MAX_BYTES("lytics.spool.max.bytes", "16777216",
            "most bytes one deployment writes to the spool at undeploy, and reads from spool files at start"),
    /** Profile fields handed to the browser. */
    BOOTSTRAP_FIELDS("lytics.bootstrap.fields", "", "comma list of profile fields put in the bootstrap and /profile answer"),
    /** Whether PII fields may go to the browser. */
    BOOTSTRAP_PII("lytics.bootstrap.pii", "false", "allow the PII fields of lytics.bootstrap.pii.fields in the bootstrap"),
    /** Names treated as PII. */
    BOOTSTRAP_PII_FIELDS("lytics.bootstrap.pii.fields",
            "email,emails,phone,mobile,first_name,last_name,name,full_name,address,street,city,postal_code,zip,birthdate,ip,user_id",
            "comma list of field names that are PII: left out of the bootstrap unless lytics.bootstrap.pii is true"),
    /** Request attribute holding the CSP nonce. */
    CSP_NONCE_ATTRIBUTE("lytics.csp.nonce.attribute", "cspNonce",
            "request attribute holding the CSP nonce put on the helper's script tags"),
    /** Official tag loader. */
    TAG_LOADER("lytics.tag.loader", "false", "the head tag also loads the official Lytics JS tag (Lytics' install contract), set to the server's cookie, which the tag then does not rewrite"),
    /** Official tag URL. */
    TAG_SRC("lytics.tag.src", null,
            "URL of the official tag (default https://c.lytics.io/api/tag/{lytics.account.id}/latest.min.js)"),
    /** Preview switch. */
    PREVIEW_ENABLED("lytics.preview.enabled", "false", "allow ?lytics_preview=... to force segments (editors' preview)"),
    /** Preview role. */
    PREVIEW_ROLE("lytics.preview.role", null, "container role required to preview; required when lytics.preview.enabled is true (start-up fails naming this key otherwise)");

    /**
     * The number of recommendations a page gets when it asks for none and the site sets no
     * {@code lytics.recommendations.limit}: the one definition, used by the key's default, the
     * profile settings, the template tags when no runtime is present, and the Spring Boot properties.
     */
    public static final int DEFAULT_RECOMMENDATIONS_LIMIT = 5;

    private final String key;
    private final String defaultValue;
    private final String description;

    ConfigKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The dotted name, e.g. {@code lytics.budget.ms}. */
    public String key() {
        return key;
    }

    /** The environment variable name, e.g. {@code LYTICS_BUDGET_MS}. */
    public String environmentName() {
        return ConfigSource.environmentName(key);
    }

    /** The default, or empty when the key has none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** One line describing the key. */
    public String description() {
        return description;
    }

    /** Whether the value is a secret that must never appear in a message, log line or response. */
    public boolean secret() {
        return this == API_TOKEN;
    }

    /**
     * The key with this dotted name.
     *
     * @return the key, or empty if the name is not one of ours
     */
    public static Optional<ConfigKey> byName(String name) {
        Objects.requireNonNull(name, "name");
        for (ConfigKey k : values()) {
            if (k.key.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
