package io.lytx.example.startup;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the example's Lytics API is: the base URI, the token and the optional account id. Read the
 * way the library reads them (system property {@code lytics.api.url} before environment variable
 * {@code LYTICS_API_URL}, same for the token and the account id), so the example and the library
 * always talk to the same Lytics. Immutable and thread-safe; {@link #toString()} never shows the token.
 *
 * @param baseUri   the API base URI, never null
 * @param token     the API token, never null or blank
 * @param accountId the account id, or null when none is configured
 */
public record LyticsConnection(URI baseUri, String token, String accountId) {

    /** Key of the API URL (system property; environment {@code LYTICS_API_URL}). */
    public static final String API_URL = "lytics.api.url";
    /** Key of the API token (system property; environment {@code LYTICS_API_TOKEN}). */
    public static final String API_TOKEN = "lytics.api.token";
    /** Key of the account id (system property; environment {@code LYTICS_ACCOUNT_ID}). */
    public static final String ACCOUNT_ID = "lytics.account.id";

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if {@code baseUri} or {@code token} is null (the message names it)
     * @throws IllegalArgumentException if {@code token} is blank
     */
    public LyticsConnection {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
    }

    /**
     * The configured external Lytics, if {@code lytics.api.url} / {@code LYTICS_API_URL} is set.
     *
     * @param systemProperties lookup of system properties (null for absent), never null
     * @param environment      lookup of environment variables (null for absent), never null
     * @return the connection, or empty when no API URL is configured (the example then starts the sandbox)
     * @throws IllegalArgumentException if the URL is set but the token is missing, or the URL is not http(s)
     */
    public static Optional<LyticsConnection> configured(Function<String, String> systemProperties,
                                                        Function<String, String> environment) {
        Objects.requireNonNull(systemProperties, "systemProperties");
        Objects.requireNonNull(environment, "environment");
        Optional<String> url = read(API_URL, systemProperties, environment);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.get());
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("LYTICS_API_URL must be an http(s) URL, was " + url.get());
        }
        String token = read(API_TOKEN, systemProperties, environment).orElseThrow(() ->
                new IllegalArgumentException("LYTICS_API_URL is set but LYTICS_API_TOKEN is not"));
        return Optional.of(new LyticsConnection(uri, token,
                read(ACCOUNT_ID, systemProperties, environment).orElse(null)));
    }

    private static Optional<String> read(String key, Function<String, String> systemProperties,
                                         Function<String, String> environment) {
        String value = systemProperties.apply(key);
        if (value == null || value.isBlank()) {
            value = environment.apply(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    @Override
    public String toString() {
        return "LyticsConnection[baseUri=" + baseUri + ", token=set, accountId=" + (accountId == null ? "absent" : accountId) + "]";
    }
}
