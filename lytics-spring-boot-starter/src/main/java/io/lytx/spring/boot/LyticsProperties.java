package io.lytx.spring.boot;

import io.lytx.servlet.config.ConfigKey;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of {@code lytics-servlet} as a Spring Boot property under {@code lytics.}: the
 * servlet module's dotted key with the dots after {@code lytics.} written as dashes
 * ({@code lytics.api.token} is {@code lytics.api-token}, {@code lytics.budget.ms} is
 * {@code lytics.budget-ms}), so that the environment variable is the same in both
 * ({@code LYTICS_API_TOKEN}, {@code LYTICS_BUDGET_MS}). Defaults and meanings are those of
 * {@link ConfigKey} (a test holds them equal); values are validated by
 * {@link io.lytx.servlet.config.LyticsConfig} at start-up. Plus one setting of the starter's own,
 * {@link #getFilterOrder() lytics.filter-order}.
 *
 * <p>The fields below are written from {@link ConfigKey}, one per key, in its order. Mutable bean for
 * Spring's binder; read once at start-up.
 */
@ConfigurationProperties(prefix = "lytics")
public class LyticsProperties {

    /**
     * Order of the Lytics filter among the servlet filters. The default, -90, runs it just after Spring
     * Security's filter chain (-100), so that a logged-in user is the known identity.
     */
    // LyticsAutoConfiguration.DEFAULT_FILTER_ORDER, written as a literal for the generated metadata
    private int filterOrder = -90;

    /** Master switch; false turns the filter into a pass-through. */
    private boolean enabled = true;
    /** Base URI of the Lytics API (http or https). */
    private String apiUrl = "https://api.lytics.io";
    /** API token; absent = plugin disabled with one warning; never logged or shown. */
    private String apiToken;
    /** Account id sent as account_id (optional). */
    private String accountId;
    /**
     * Stream the page views and login events are sent to: 1-100 letters, digits, _ . -, starting with a
     * letter, digit or _.
     */
    // literal defaults here and below: the configuration processor reads only literals; StarterSettingsTest
    // keeps each equal to the ConfigKey default (StreamName.DEFAULT, ConfigKey.DEFAULT_RECOMMENDATIONS_LIMIT)
    private String stream = "default";
    /** Per-request budget for profile and recommendations, ms (1..10000). */
    private int budgetMs = 150;
    /** TCP connect timeout of the API client, ms. */
    private int httpConnectTimeoutMs = 1000;
    /** Connection pool size of the API client. */
    private int httpMaxConnections = 64;
    /**
     * At start-up, wait up to this long for one profile lookup of an id no visitor has
     * (00000000-0000-4000-8000-000000000000): it loads the HTTP and JSON machinery and opens a
     * connection, so the first pages after a deploy get their profile within budget instead of
     * showing UNAVAILABLE, ms (0 = no warm-up, up to 30000).
     */
    private int warmupMs = 2000;
    /** Name of the visitor-id cookie (shared with the Lytics JS tag). */
    private String cookieName = "seerid";
    /** Max-Age of a minted cookie, days (1..730). */
    private int cookieMaxAgeDays = 365;
    /** Domain attribute of the cookie (e.g. example.com); absent = host only. */
    private String cookieDomain;
    /** Secure attribute: auto (when the request is HTTPS), always, never. */
    private String cookieSecure = "auto";
    /** Hard expiry of a cached profile, seconds. */
    private int profileTtlS = 60;
    /** Age after which a cached profile is refreshed in the background, seconds (less than the ttl). */
    private int profileRefreshS = 30;
    /** How long a new-visitor (Not Found) answer is cached, seconds. */
    private int profileNegativeTtlS = 10;
    /** Bound of the profile cache, entries. */
    private long profileMaxEntries = 10000;
    /** How long the circuit breaker stays open before probing, seconds. */
    private int breakerOpenS = 5;
    /**
     * Most profile and recommendation calls this node makes to Lytics per second; 0 = no ceiling (a
     * 429 from Lytics always pauses lookups for its Retry-After, 5 s when it names none).
     */
    private int upstreamMaxRps = 0;
    /** None, or jcache: the nodes of a site share their profile lookups through a JCache (JSR-107) cache. */
    private String cacheShared = "none";
    /**
     * Comma list of name=value properties handed to the JCache provider with the URI (Hazelcast:
     * hazelcast.config.location=file:/etc/lytics/hazelcast.xml starts a member this node stops at
     * undeploy).
     */
    private String cacheSharedProperties = "";
    /** Class name of the JCache CachingProvider; absent = the only one on the class path. */
    private String cacheSharedProvider;
    /**
     * The provider's configuration URI (Hazelcast: a config file such as
     * file:/etc/lytics/hazelcast.xml, or the name of a running instance), the same text on every
     * node; absent = the provider's default.
     */
    private String cacheSharedUri;
    /** Name of the shared cache (created with String keys and values when it does not exist). */
    private String cacheSharedName = "lytics-profiles";
    /**
     * How long a lookup that missed this node's cache waits for the shared one before asking
     * Lytics, ms (1..1000, below the budget).
     */
    private int cacheSharedTimeoutMs = 20;
    /** Number of recommendations when a page asks for none (1..100). */
    private int recommendationsLimit = 5;
    /** Comma list of path patterns (/exact, /prefix/*, *.ext) whose recommendations are fetched with the profile. */
    private String recommendationsEagerPaths = "";
    /** None (no consent needed), gpc (Sec-GPC: 1 refuses), cookie (consent cookie required), or gpc,cookie. */
    private String consentMode = "none";
    /** Name of the consent cookie (required by consent mode cookie). */
    private String consentCookieName;
    /**
     * Value of the consent cookie that grants consent (when the cookie comes several times, every
     * value must grant: a refusal wins).
     */
    private boolean consentCookieValue = true;
    /**
     * Case-insensitive regex on User-Agent; a match (or no User-Agent) is a bot: nothing fetched or
     * collected. Default: a built-in pattern (crawlers, monitors, curl, wget, HTTP libraries,
     * headless browsers).
     */
    private String botPattern;
    /** Lytics identity field of a logged-in user (email, user_id, ...). */
    private String identityField = "email";
    /** Session or request attribute holding the logged-in user's identity value (string). */
    private String identityAttribute;
    /** Use request.getUserPrincipal().getName() as the known identity. */
    private boolean identityPrincipal = true;
    /** Comma list of path patterns always handled, whatever their Accept header. */
    private String pathsInclude = "";
    /** Comma list of path patterns never handled. */
    private String pathsExclude = "";
    /** Comma list of file extensions skipped as static assets. */
    private String staticExtensions = "css,js,mjs,map,png,jpg,jpeg,gif,svg,ico,webp,avif,bmp,woff,woff2,ttf,otf,eot,mp3,mp4,webm,ogg,pdf,zip,gz,txt,xml,json,wasm";
    /** Forward page views to Lytics. */
    private boolean collectEnabled = true;
    /** Add the User-Agent to page views (field user_agent). */
    private boolean collectUserAgent = true;
    /** Client IP in page views (field ip): full, anonymized (IPv4 /24, IPv6 /48), off. */
    private String collectIp = "anonymized";
    /** Bound of the forwarding queue, events. */
    private int queueMaxEvents = 10000;
    /** Bound of the forwarding queue, estimated bytes. */
    private long queueMaxBytes = 16777216;
    /** Events per upload batch. */
    private int batchMaxEvents = 500;
    /** How long the worker waits to fill a batch, ms (1..60000). */
    private int batchLingerMs = 1000;
    /** Deadline for flushing the queue on undeploy, ms. */
    private int shutdownTimeoutMs = 5000;
    /** Serve the JSON status endpoint. */
    private boolean statusEnabled = false;
    /** Path (inside the web app) of the JSON status endpoint. */
    private String statusPath = "/lytics/status";
    /**
     * Container role that may read the status endpoint from anywhere; without it (or the role) only
     * loopback callers not behind a proxy may.
     */
    private String statusRole;
    /** Register the metrics MBean. */
    private boolean jmxEnabled = true;
    /** Serve the first-party endpoints (profile, collect, helper script). */
    private boolean endpointsEnabled = true;
    /** Base path (inside the web app) of the first-party endpoints. */
    private String endpointsPath = "/lytics";
    /** Browser events accepted per visitor per minute by POST {base}/collect (1..10000). */
    private int endpointsCollectRate = 60;
    /** Comma list of extra origins (https://host[:port]) allowed to POST events; same-origin is always allowed. */
    private String endpointsCollectOrigins = "";
    /** Must stay false: identity fields are never taken from the browser (true fails at start-up). */
    private boolean endpointsCollectTrustIdentity = false;
    /**
     * Comma list of identity fields never taken from browser events, besides _uid, _uids, seerid,
     * the cookie name and lytics.identity.field: add every identity (by) field of your account.
     */
    private String endpointsCollectIdentityFields = "_uid,_uido,_uidn,_getid,email,emails,user_id,userid,uid,phone,mobile,customer_id";
    /**
     * The allow-list: comma list of the browser event fields POST {base}/collect forwards (a
     * trailing * matches a prefix, e.g. utm_*); every other field is dropped; an entry naming or
     * matching an identity field fails start-up.
     */
    private String endpointsCollectFields = "_e,_ts,_pvid,_v,url,_ref,_sesref,_sesstart,_tz,_ul,_sz,_mob,_nmob,_device,_if,utm_*";
    /**
     * Browser events accepted per client address (IPv4, or IPv6 /64) per minute by POST
     * {base}/collect, whatever visitor ids it sends (1..100000).
     */
    private int endpointsCollectAddressRate = 600;
    /**
     * Percent of the forwarding queue (events and bytes) that browser events may fill, so that page
     * views always find room (1..100).
     */
    private int endpointsCollectQueueShare = 20;
    /**
     * Directory where events still unsent at undeploy are written and sent from on the next start
     * (absolute path; absent = off: they are lost).
     */
    private String spoolDir;
    /** Most bytes one deployment writes to the spool at undeploy, and reads from spool files at start. */
    private long spoolMaxBytes = 16777216L;
    /** Comma list of profile fields put in the bootstrap and /profile answer. */
    private String bootstrapFields = "";
    /** Allow the PII fields of lytics.bootstrap.pii.fields in the bootstrap. */
    private boolean bootstrapPii = false;
    /** Comma list of field names that are PII: left out of the bootstrap unless lytics.bootstrap.pii is true. */
    private String bootstrapPiiFields = "email,emails,phone,mobile,first_name,last_name,name,full_name,address,street,city,postal_code,zip,birthdate,ip,user_id";
    /** Request attribute holding the CSP nonce put on the helper's script tags. */
    private String cspNonceAttribute = "cspNonce";
    /**
     * The head tag also loads the official Lytics JS tag (Lytics' install contract), set to the
     * server's cookie, which the tag then does not rewrite.
     */
    private boolean tagLoader = false;
    /** URL of the official tag (default https://c.lytics.io/api/tag/{lytics.account.id}/latest.min.js). */
    private String tagSrc;
    /** Allow ?lytics_preview=... to force segments (editors' preview). */
    private boolean previewEnabled = false;
    /**
     * Container role required to preview; required when lytics.preview.enabled is true (start-up
     * fails naming this key otherwise).
     */
    private String previewRole;

    /** @return {@code lytics.filter-order} */
    public int getFilterOrder() {
        return filterOrder;
    }

    /** @param filterOrder {@code lytics.filter-order} */
    public void setFilterOrder(int filterOrder) {
        this.filterOrder = filterOrder;
    }

    /** @return {@code lytics.enabled} */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled {@code lytics.enabled} */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
    /** @return {@code lytics.api-url} */
    public String getApiUrl() {
        return apiUrl;
    }

    /** @param apiUrl {@code lytics.api-url} */
    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }
    /** @return {@code lytics.api-token} */
    public String getApiToken() {
        return apiToken;
    }

    /** @param apiToken {@code lytics.api-token} */
    public void setApiToken(String apiToken) {
        this.apiToken = apiToken;
    }
    /** @return {@code lytics.account-id} */
    public String getAccountId() {
        return accountId;
    }

    /** @param accountId {@code lytics.account-id} */
    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }
    /** @return {@code lytics.stream} */
    public String getStream() {
        return stream;
    }

    /** @param stream {@code lytics.stream} */
    public void setStream(String stream) {
        this.stream = stream;
    }
    /** @return {@code lytics.budget-ms} */
    public int getBudgetMs() {
        return budgetMs;
    }

    /** @param budgetMs {@code lytics.budget-ms} */
    public void setBudgetMs(int budgetMs) {
        this.budgetMs = budgetMs;
    }
    /** @return {@code lytics.http-connect-timeout-ms} */
    public int getHttpConnectTimeoutMs() {
        return httpConnectTimeoutMs;
    }

    /** @param httpConnectTimeoutMs {@code lytics.http-connect-timeout-ms} */
    public void setHttpConnectTimeoutMs(int httpConnectTimeoutMs) {
        this.httpConnectTimeoutMs = httpConnectTimeoutMs;
    }
    /** @return {@code lytics.http-max-connections} */
    public int getHttpMaxConnections() {
        return httpMaxConnections;
    }

    /** @param httpMaxConnections {@code lytics.http-max-connections} */
    public void setHttpMaxConnections(int httpMaxConnections) {
        this.httpMaxConnections = httpMaxConnections;
    }
    /** @return {@code lytics.warmup-ms} */
    public int getWarmupMs() {
        return warmupMs;
    }

    /** @param warmupMs {@code lytics.warmup-ms} */
    public void setWarmupMs(int warmupMs) {
        this.warmupMs = warmupMs;
    }
    /** @return {@code lytics.cookie-name} */
    public String getCookieName() {
        return cookieName;
    }

    /** @param cookieName {@code lytics.cookie-name} */
    public void setCookieName(String cookieName) {
        this.cookieName = cookieName;
    }
    /** @return {@code lytics.cookie-max-age-days} */
    public int getCookieMaxAgeDays() {
        return cookieMaxAgeDays;
    }

    /** @param cookieMaxAgeDays {@code lytics.cookie-max-age-days} */
    public void setCookieMaxAgeDays(int cookieMaxAgeDays) {
        this.cookieMaxAgeDays = cookieMaxAgeDays;
    }
    /** @return {@code lytics.cookie-domain} */
    public String getCookieDomain() {
        return cookieDomain;
    }

    /** @param cookieDomain {@code lytics.cookie-domain} */
    public void setCookieDomain(String cookieDomain) {
        this.cookieDomain = cookieDomain;
    }
    /** @return {@code lytics.cookie-secure} */
    public String getCookieSecure() {
        return cookieSecure;
    }

    /** @param cookieSecure {@code lytics.cookie-secure} */
    public void setCookieSecure(String cookieSecure) {
        this.cookieSecure = cookieSecure;
    }
    /** @return {@code lytics.profile-ttl-s} */
    public int getProfileTtlS() {
        return profileTtlS;
    }

    /** @param profileTtlS {@code lytics.profile-ttl-s} */
    public void setProfileTtlS(int profileTtlS) {
        this.profileTtlS = profileTtlS;
    }
    /** @return {@code lytics.profile-refresh-s} */
    public int getProfileRefreshS() {
        return profileRefreshS;
    }

    /** @param profileRefreshS {@code lytics.profile-refresh-s} */
    public void setProfileRefreshS(int profileRefreshS) {
        this.profileRefreshS = profileRefreshS;
    }
    /** @return {@code lytics.profile-negative-ttl-s} */
    public int getProfileNegativeTtlS() {
        return profileNegativeTtlS;
    }

    /** @param profileNegativeTtlS {@code lytics.profile-negative-ttl-s} */
    public void setProfileNegativeTtlS(int profileNegativeTtlS) {
        this.profileNegativeTtlS = profileNegativeTtlS;
    }
    /** @return {@code lytics.profile-max-entries} */
    public long getProfileMaxEntries() {
        return profileMaxEntries;
    }

    /** @param profileMaxEntries {@code lytics.profile-max-entries} */
    public void setProfileMaxEntries(long profileMaxEntries) {
        this.profileMaxEntries = profileMaxEntries;
    }
    /** @return {@code lytics.breaker-open-s} */
    public int getBreakerOpenS() {
        return breakerOpenS;
    }

    /** @param breakerOpenS {@code lytics.breaker-open-s} */
    public void setBreakerOpenS(int breakerOpenS) {
        this.breakerOpenS = breakerOpenS;
    }
    /** @return {@code lytics.upstream-max-rps} */
    public int getUpstreamMaxRps() {
        return upstreamMaxRps;
    }

    /** @param upstreamMaxRps {@code lytics.upstream-max-rps} */
    public void setUpstreamMaxRps(int upstreamMaxRps) {
        this.upstreamMaxRps = upstreamMaxRps;
    }
    /** @return {@code lytics.cache-shared-properties} */
    public String getCacheSharedProperties() {
        return cacheSharedProperties;
    }

    /** @param cacheSharedProperties {@code lytics.cache-shared-properties} */
    public void setCacheSharedProperties(String cacheSharedProperties) {
        this.cacheSharedProperties = cacheSharedProperties;
    }
    /** @return {@code lytics.cache-shared} */
    public String getCacheShared() {
        return cacheShared;
    }

    /** @param cacheShared {@code lytics.cache-shared} */
    public void setCacheShared(String cacheShared) {
        this.cacheShared = cacheShared;
    }
    /** @return {@code lytics.cache-shared-provider} */
    public String getCacheSharedProvider() {
        return cacheSharedProvider;
    }

    /** @param cacheSharedProvider {@code lytics.cache-shared-provider} */
    public void setCacheSharedProvider(String cacheSharedProvider) {
        this.cacheSharedProvider = cacheSharedProvider;
    }
    /** @return {@code lytics.cache-shared-uri} */
    public String getCacheSharedUri() {
        return cacheSharedUri;
    }

    /** @param cacheSharedUri {@code lytics.cache-shared-uri} */
    public void setCacheSharedUri(String cacheSharedUri) {
        this.cacheSharedUri = cacheSharedUri;
    }
    /** @return {@code lytics.cache-shared-name} */
    public String getCacheSharedName() {
        return cacheSharedName;
    }

    /** @param cacheSharedName {@code lytics.cache-shared-name} */
    public void setCacheSharedName(String cacheSharedName) {
        this.cacheSharedName = cacheSharedName;
    }
    /** @return {@code lytics.cache-shared-timeout-ms} */
    public int getCacheSharedTimeoutMs() {
        return cacheSharedTimeoutMs;
    }

    /** @param cacheSharedTimeoutMs {@code lytics.cache-shared-timeout-ms} */
    public void setCacheSharedTimeoutMs(int cacheSharedTimeoutMs) {
        this.cacheSharedTimeoutMs = cacheSharedTimeoutMs;
    }
    /** @return {@code lytics.recommendations-limit} */
    public int getRecommendationsLimit() {
        return recommendationsLimit;
    }

    /** @param recommendationsLimit {@code lytics.recommendations-limit} */
    public void setRecommendationsLimit(int recommendationsLimit) {
        this.recommendationsLimit = recommendationsLimit;
    }
    /** @return {@code lytics.recommendations-eager-paths} */
    public String getRecommendationsEagerPaths() {
        return recommendationsEagerPaths;
    }

    /** @param recommendationsEagerPaths {@code lytics.recommendations-eager-paths} */
    public void setRecommendationsEagerPaths(String recommendationsEagerPaths) {
        this.recommendationsEagerPaths = recommendationsEagerPaths;
    }
    /** @return {@code lytics.consent-mode} */
    public String getConsentMode() {
        return consentMode;
    }

    /** @param consentMode {@code lytics.consent-mode} */
    public void setConsentMode(String consentMode) {
        this.consentMode = consentMode;
    }
    /** @return {@code lytics.consent-cookie-name} */
    public String getConsentCookieName() {
        return consentCookieName;
    }

    /** @param consentCookieName {@code lytics.consent-cookie-name} */
    public void setConsentCookieName(String consentCookieName) {
        this.consentCookieName = consentCookieName;
    }
    /** @return {@code lytics.consent-cookie-value} */
    public boolean isConsentCookieValue() {
        return consentCookieValue;
    }

    /** @param consentCookieValue {@code lytics.consent-cookie-value} */
    public void setConsentCookieValue(boolean consentCookieValue) {
        this.consentCookieValue = consentCookieValue;
    }
    /** @return {@code lytics.bot-pattern} */
    public String getBotPattern() {
        return botPattern;
    }

    /** @param botPattern {@code lytics.bot-pattern} */
    public void setBotPattern(String botPattern) {
        this.botPattern = botPattern;
    }
    /** @return {@code lytics.identity-field} */
    public String getIdentityField() {
        return identityField;
    }

    /** @param identityField {@code lytics.identity-field} */
    public void setIdentityField(String identityField) {
        this.identityField = identityField;
    }
    /** @return {@code lytics.identity-attribute} */
    public String getIdentityAttribute() {
        return identityAttribute;
    }

    /** @param identityAttribute {@code lytics.identity-attribute} */
    public void setIdentityAttribute(String identityAttribute) {
        this.identityAttribute = identityAttribute;
    }
    /** @return {@code lytics.identity-principal} */
    public boolean isIdentityPrincipal() {
        return identityPrincipal;
    }

    /** @param identityPrincipal {@code lytics.identity-principal} */
    public void setIdentityPrincipal(boolean identityPrincipal) {
        this.identityPrincipal = identityPrincipal;
    }
    /** @return {@code lytics.paths-include} */
    public String getPathsInclude() {
        return pathsInclude;
    }

    /** @param pathsInclude {@code lytics.paths-include} */
    public void setPathsInclude(String pathsInclude) {
        this.pathsInclude = pathsInclude;
    }
    /** @return {@code lytics.paths-exclude} */
    public String getPathsExclude() {
        return pathsExclude;
    }

    /** @param pathsExclude {@code lytics.paths-exclude} */
    public void setPathsExclude(String pathsExclude) {
        this.pathsExclude = pathsExclude;
    }
    /** @return {@code lytics.static-extensions} */
    public String getStaticExtensions() {
        return staticExtensions;
    }

    /** @param staticExtensions {@code lytics.static-extensions} */
    public void setStaticExtensions(String staticExtensions) {
        this.staticExtensions = staticExtensions;
    }
    /** @return {@code lytics.collect-enabled} */
    public boolean isCollectEnabled() {
        return collectEnabled;
    }

    /** @param collectEnabled {@code lytics.collect-enabled} */
    public void setCollectEnabled(boolean collectEnabled) {
        this.collectEnabled = collectEnabled;
    }
    /** @return {@code lytics.collect-user-agent} */
    public boolean isCollectUserAgent() {
        return collectUserAgent;
    }

    /** @param collectUserAgent {@code lytics.collect-user-agent} */
    public void setCollectUserAgent(boolean collectUserAgent) {
        this.collectUserAgent = collectUserAgent;
    }
    /** @return {@code lytics.collect-ip} */
    public String getCollectIp() {
        return collectIp;
    }

    /** @param collectIp {@code lytics.collect-ip} */
    public void setCollectIp(String collectIp) {
        this.collectIp = collectIp;
    }
    /** @return {@code lytics.queue-max-events} */
    public int getQueueMaxEvents() {
        return queueMaxEvents;
    }

    /** @param queueMaxEvents {@code lytics.queue-max-events} */
    public void setQueueMaxEvents(int queueMaxEvents) {
        this.queueMaxEvents = queueMaxEvents;
    }
    /** @return {@code lytics.queue-max-bytes} */
    public long getQueueMaxBytes() {
        return queueMaxBytes;
    }

    /** @param queueMaxBytes {@code lytics.queue-max-bytes} */
    public void setQueueMaxBytes(long queueMaxBytes) {
        this.queueMaxBytes = queueMaxBytes;
    }
    /** @return {@code lytics.batch-max-events} */
    public int getBatchMaxEvents() {
        return batchMaxEvents;
    }

    /** @param batchMaxEvents {@code lytics.batch-max-events} */
    public void setBatchMaxEvents(int batchMaxEvents) {
        this.batchMaxEvents = batchMaxEvents;
    }
    /** @return {@code lytics.batch-linger-ms} */
    public int getBatchLingerMs() {
        return batchLingerMs;
    }

    /** @param batchLingerMs {@code lytics.batch-linger-ms} */
    public void setBatchLingerMs(int batchLingerMs) {
        this.batchLingerMs = batchLingerMs;
    }
    /** @return {@code lytics.shutdown-timeout-ms} */
    public int getShutdownTimeoutMs() {
        return shutdownTimeoutMs;
    }

    /** @param shutdownTimeoutMs {@code lytics.shutdown-timeout-ms} */
    public void setShutdownTimeoutMs(int shutdownTimeoutMs) {
        this.shutdownTimeoutMs = shutdownTimeoutMs;
    }
    /** @return {@code lytics.status-enabled} */
    public boolean isStatusEnabled() {
        return statusEnabled;
    }

    /** @param statusEnabled {@code lytics.status-enabled} */
    public void setStatusEnabled(boolean statusEnabled) {
        this.statusEnabled = statusEnabled;
    }
    /** @return {@code lytics.status-path} */
    public String getStatusPath() {
        return statusPath;
    }

    /** @param statusPath {@code lytics.status-path} */
    public void setStatusPath(String statusPath) {
        this.statusPath = statusPath;
    }
    /** @return {@code lytics.status-role} */
    public String getStatusRole() {
        return statusRole;
    }

    /** @param statusRole {@code lytics.status-role} */
    public void setStatusRole(String statusRole) {
        this.statusRole = statusRole;
    }
    /** @return {@code lytics.jmx-enabled} */
    public boolean isJmxEnabled() {
        return jmxEnabled;
    }

    /** @param jmxEnabled {@code lytics.jmx-enabled} */
    public void setJmxEnabled(boolean jmxEnabled) {
        this.jmxEnabled = jmxEnabled;
    }
    /** @return {@code lytics.endpoints-enabled} */
    public boolean isEndpointsEnabled() {
        return endpointsEnabled;
    }

    /** @param endpointsEnabled {@code lytics.endpoints-enabled} */
    public void setEndpointsEnabled(boolean endpointsEnabled) {
        this.endpointsEnabled = endpointsEnabled;
    }
    /** @return {@code lytics.endpoints-path} */
    public String getEndpointsPath() {
        return endpointsPath;
    }

    /** @param endpointsPath {@code lytics.endpoints-path} */
    public void setEndpointsPath(String endpointsPath) {
        this.endpointsPath = endpointsPath;
    }
    /** @return {@code lytics.endpoints-collect-rate} */
    public int getEndpointsCollectRate() {
        return endpointsCollectRate;
    }

    /** @param endpointsCollectRate {@code lytics.endpoints-collect-rate} */
    public void setEndpointsCollectRate(int endpointsCollectRate) {
        this.endpointsCollectRate = endpointsCollectRate;
    }
    /** @return {@code lytics.endpoints-collect-origins} */
    public String getEndpointsCollectOrigins() {
        return endpointsCollectOrigins;
    }

    /** @param endpointsCollectOrigins {@code lytics.endpoints-collect-origins} */
    public void setEndpointsCollectOrigins(String endpointsCollectOrigins) {
        this.endpointsCollectOrigins = endpointsCollectOrigins;
    }
    /** @return {@code lytics.endpoints-collect-fields} */
    public String getEndpointsCollectFields() {
        return endpointsCollectFields;
    }

    /** @param endpointsCollectFields {@code lytics.endpoints-collect-fields} */
    public void setEndpointsCollectFields(String endpointsCollectFields) {
        this.endpointsCollectFields = endpointsCollectFields;
    }
    /** @return {@code lytics.endpoints-collect-address-rate} */
    public int getEndpointsCollectAddressRate() {
        return endpointsCollectAddressRate;
    }

    /** @param endpointsCollectAddressRate {@code lytics.endpoints-collect-address-rate} */
    public void setEndpointsCollectAddressRate(int endpointsCollectAddressRate) {
        this.endpointsCollectAddressRate = endpointsCollectAddressRate;
    }
    /** @return {@code lytics.endpoints-collect-queue-share} */
    public int getEndpointsCollectQueueShare() {
        return endpointsCollectQueueShare;
    }

    /** @param endpointsCollectQueueShare {@code lytics.endpoints-collect-queue-share} */
    public void setEndpointsCollectQueueShare(int endpointsCollectQueueShare) {
        this.endpointsCollectQueueShare = endpointsCollectQueueShare;
    }
    /** @return {@code lytics.spool-dir} */
    public String getSpoolDir() {
        return spoolDir;
    }

    /** @param spoolDir {@code lytics.spool-dir} */
    public void setSpoolDir(String spoolDir) {
        this.spoolDir = spoolDir;
    }
    /** @return {@code lytics.spool-max-bytes} */
    public long getSpoolMaxBytes() {
        return spoolMaxBytes;
    }

    /** @param spoolMaxBytes {@code lytics.spool-max-bytes} */
    public void setSpoolMaxBytes(long spoolMaxBytes) {
        this.spoolMaxBytes = spoolMaxBytes;
    }
    /** @return {@code lytics.endpoints-collect-trust-identity} */
    public boolean isEndpointsCollectTrustIdentity() {
        return endpointsCollectTrustIdentity;
    }

    /** @param endpointsCollectTrustIdentity {@code lytics.endpoints-collect-trust-identity} */
    public void setEndpointsCollectTrustIdentity(boolean endpointsCollectTrustIdentity) {
        this.endpointsCollectTrustIdentity = endpointsCollectTrustIdentity;
    }
    /** @return {@code lytics.endpoints-collect-identity-fields} */
    public String getEndpointsCollectIdentityFields() {
        return endpointsCollectIdentityFields;
    }

    /** @param endpointsCollectIdentityFields {@code lytics.endpoints-collect-identity-fields} */
    public void setEndpointsCollectIdentityFields(String endpointsCollectIdentityFields) {
        this.endpointsCollectIdentityFields = endpointsCollectIdentityFields;
    }
    /** @return {@code lytics.bootstrap-fields} */
    public String getBootstrapFields() {
        return bootstrapFields;
    }

    /** @param bootstrapFields {@code lytics.bootstrap-fields} */
    public void setBootstrapFields(String bootstrapFields) {
        this.bootstrapFields = bootstrapFields;
    }
    /** @return {@code lytics.bootstrap-pii} */
    public boolean isBootstrapPii() {
        return bootstrapPii;
    }

    /** @param bootstrapPii {@code lytics.bootstrap-pii} */
    public void setBootstrapPii(boolean bootstrapPii) {
        this.bootstrapPii = bootstrapPii;
    }
    /** @return {@code lytics.bootstrap-pii-fields} */
    public String getBootstrapPiiFields() {
        return bootstrapPiiFields;
    }

    /** @param bootstrapPiiFields {@code lytics.bootstrap-pii-fields} */
    public void setBootstrapPiiFields(String bootstrapPiiFields) {
        this.bootstrapPiiFields = bootstrapPiiFields;
    }
    /** @return {@code lytics.csp-nonce-attribute} */
    public String getCspNonceAttribute() {
        return cspNonceAttribute;
    }

    /** @param cspNonceAttribute {@code lytics.csp-nonce-attribute} */
    public void setCspNonceAttribute(String cspNonceAttribute) {
        this.cspNonceAttribute = cspNonceAttribute;
    }
    /** @return {@code lytics.tag-loader} */
    public boolean isTagLoader() {
        return tagLoader;
    }

    /** @param tagLoader {@code lytics.tag-loader} */
    public void setTagLoader(boolean tagLoader) {
        this.tagLoader = tagLoader;
    }
    /** @return {@code lytics.tag-src} */
    public String getTagSrc() {
        return tagSrc;
    }

    /** @param tagSrc {@code lytics.tag-src} */
    public void setTagSrc(String tagSrc) {
        this.tagSrc = tagSrc;
    }
    /** @return {@code lytics.preview-enabled} */
    public boolean isPreviewEnabled() {
        return previewEnabled;
    }

    /** @param previewEnabled {@code lytics.preview-enabled} */
    public void setPreviewEnabled(boolean previewEnabled) {
        this.previewEnabled = previewEnabled;
    }
    /** @return {@code lytics.preview-role} */
    public String getPreviewRole() {
        return previewRole;
    }

    /** @param previewRole {@code lytics.preview-role} */
    public void setPreviewRole(String previewRole) {
        this.previewRole = previewRole;
    }

    /** Every setting that has a value, by servlet key. */
    Map<ConfigKey, String> values() {
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        put(values, ConfigKey.ENABLED, String.valueOf(enabled));
        put(values, ConfigKey.API_URL, apiUrl);
        put(values, ConfigKey.API_TOKEN, apiToken);
        put(values, ConfigKey.ACCOUNT_ID, accountId);
        put(values, ConfigKey.STREAM, stream);
        put(values, ConfigKey.BUDGET_MS, String.valueOf(budgetMs));
        put(values, ConfigKey.CONNECT_TIMEOUT_MS, String.valueOf(httpConnectTimeoutMs));
        put(values, ConfigKey.MAX_CONNECTIONS, String.valueOf(httpMaxConnections));
        put(values, ConfigKey.WARMUP_MS, String.valueOf(warmupMs));
        put(values, ConfigKey.COOKIE_NAME, cookieName);
        put(values, ConfigKey.COOKIE_MAX_AGE_DAYS, String.valueOf(cookieMaxAgeDays));
        put(values, ConfigKey.COOKIE_DOMAIN, cookieDomain);
        put(values, ConfigKey.COOKIE_SECURE, cookieSecure);
        put(values, ConfigKey.PROFILE_TTL_S, String.valueOf(profileTtlS));
        put(values, ConfigKey.PROFILE_REFRESH_S, String.valueOf(profileRefreshS));
        put(values, ConfigKey.PROFILE_NEGATIVE_TTL_S, String.valueOf(profileNegativeTtlS));
        put(values, ConfigKey.PROFILE_MAX_ENTRIES, String.valueOf(profileMaxEntries));
        put(values, ConfigKey.BREAKER_OPEN_S, String.valueOf(breakerOpenS));
        put(values, ConfigKey.UPSTREAM_MAX_RPS, String.valueOf(upstreamMaxRps));
        put(values, ConfigKey.CACHE_SHARED, cacheShared);
        put(values, ConfigKey.CACHE_SHARED_PROVIDER, cacheSharedProvider);
        put(values, ConfigKey.CACHE_SHARED_URI, cacheSharedUri);
        put(values, ConfigKey.CACHE_SHARED_NAME, cacheSharedName);
        put(values, ConfigKey.CACHE_SHARED_PROPERTIES, cacheSharedProperties);
        put(values, ConfigKey.CACHE_SHARED_TIMEOUT_MS, String.valueOf(cacheSharedTimeoutMs));
        put(values, ConfigKey.RECOMMENDATIONS_LIMIT, String.valueOf(recommendationsLimit));
        put(values, ConfigKey.RECOMMENDATIONS_EAGER_PATHS, recommendationsEagerPaths);
        put(values, ConfigKey.CONSENT_MODE, consentMode);
        put(values, ConfigKey.CONSENT_COOKIE_NAME, consentCookieName);
        put(values, ConfigKey.CONSENT_COOKIE_VALUE, String.valueOf(consentCookieValue));
        put(values, ConfigKey.BOT_PATTERN, botPattern);
        put(values, ConfigKey.IDENTITY_FIELD, identityField);
        put(values, ConfigKey.IDENTITY_ATTRIBUTE, identityAttribute);
        put(values, ConfigKey.IDENTITY_PRINCIPAL, String.valueOf(identityPrincipal));
        put(values, ConfigKey.PATHS_INCLUDE, pathsInclude);
        put(values, ConfigKey.PATHS_EXCLUDE, pathsExclude);
        put(values, ConfigKey.STATIC_EXTENSIONS, staticExtensions);
        put(values, ConfigKey.COLLECT_ENABLED, String.valueOf(collectEnabled));
        put(values, ConfigKey.COLLECT_USER_AGENT, String.valueOf(collectUserAgent));
        put(values, ConfigKey.COLLECT_IP, collectIp);
        put(values, ConfigKey.QUEUE_MAX_EVENTS, String.valueOf(queueMaxEvents));
        put(values, ConfigKey.QUEUE_MAX_BYTES, String.valueOf(queueMaxBytes));
        put(values, ConfigKey.BATCH_MAX_EVENTS, String.valueOf(batchMaxEvents));
        put(values, ConfigKey.BATCH_LINGER_MS, String.valueOf(batchLingerMs));
        put(values, ConfigKey.SHUTDOWN_TIMEOUT_MS, String.valueOf(shutdownTimeoutMs));
        put(values, ConfigKey.STATUS_ENABLED, String.valueOf(statusEnabled));
        put(values, ConfigKey.STATUS_PATH, statusPath);
        put(values, ConfigKey.STATUS_ROLE, statusRole);
        put(values, ConfigKey.JMX_ENABLED, String.valueOf(jmxEnabled));
        put(values, ConfigKey.ENDPOINTS_ENABLED, String.valueOf(endpointsEnabled));
        put(values, ConfigKey.ENDPOINTS_PATH, endpointsPath);
        put(values, ConfigKey.RELAY_RATE, String.valueOf(endpointsCollectRate));
        put(values, ConfigKey.RELAY_ORIGINS, endpointsCollectOrigins);
        put(values, ConfigKey.RELAY_TRUST_IDENTITY, String.valueOf(endpointsCollectTrustIdentity));
        put(values, ConfigKey.RELAY_FIELDS, endpointsCollectFields);
        put(values, ConfigKey.RELAY_ADDRESS_RATE, String.valueOf(endpointsCollectAddressRate));
        put(values, ConfigKey.RELAY_QUEUE_SHARE, String.valueOf(endpointsCollectQueueShare));
        put(values, ConfigKey.SPOOL_DIR, spoolDir);
        put(values, ConfigKey.SPOOL_MAX_BYTES, String.valueOf(spoolMaxBytes));
        put(values, ConfigKey.RELAY_IDENTITY_FIELDS, endpointsCollectIdentityFields);
        put(values, ConfigKey.BOOTSTRAP_FIELDS, bootstrapFields);
        put(values, ConfigKey.BOOTSTRAP_PII, String.valueOf(bootstrapPii));
        put(values, ConfigKey.BOOTSTRAP_PII_FIELDS, bootstrapPiiFields);
        put(values, ConfigKey.CSP_NONCE_ATTRIBUTE, cspNonceAttribute);
        put(values, ConfigKey.TAG_LOADER, String.valueOf(tagLoader));
        put(values, ConfigKey.TAG_SRC, tagSrc);
        put(values, ConfigKey.PREVIEW_ENABLED, String.valueOf(previewEnabled));
        put(values, ConfigKey.PREVIEW_ROLE, previewRole);
        return values;
    }

    private static void put(Map<ConfigKey, String> values, ConfigKey key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
