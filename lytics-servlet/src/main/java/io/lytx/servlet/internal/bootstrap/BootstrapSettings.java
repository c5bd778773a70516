package io.lytx.servlet.internal.bootstrap;

import io.lytx.servlet.config.LyticsConfig;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the server hands to the browser and how the head markup is written. Immutable and thread-safe.
 *
 * @param fields         profile fields allowed in the bootstrap (allow-list; empty = none)
 * @param piiFields      field names that are personal data (compared case-insensitively)
 * @param allowPii       whether allow-listed PII fields may go to the browser
 * @param nonceAttribute request attribute holding the request's CSP nonce
 * @param tagLoader      whether the head also loads the official Lytics JS tag
 * @param tagSrc         URL of the official tag, null when unknown (then no loader is written)
 * @param cookieName     the visitor-id cookie the official tag must read
 */
public record BootstrapSettings(List<String> fields, Set<String> piiFields, boolean allowPii, String nonceAttribute,
                                boolean tagLoader, String tagSrc, String cookieName) {

    private static final Pattern COOKIE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** @throws NullPointerException if a list, the attribute or the cookie name is null */
    public BootstrapSettings {
        fields = List.copyOf(fields);
        Set<String> lower = new java.util.HashSet<>();
        for (String f : piiFields) {
            lower.add(f.toLowerCase(Locale.ROOT));
        }
        piiFields = Set.copyOf(lower);
        Objects.requireNonNull(nonceAttribute, "nonceAttribute");
        Objects.requireNonNull(cookieName, "cookieName");
        if (!COOKIE.matcher(cookieName).matches()) {
            throw new IllegalArgumentException("cookieName must be cookie token characters: " + cookieName);
        }
    }

    /**
     * The settings of a config, which has already read and validated every value.
     *
     * @param config the plugin config, never null
     */
    public static BootstrapSettings from(LyticsConfig config) {
        return new BootstrapSettings(config.bootstrapFields(), Set.copyOf(config.bootstrapPiiFields()),
                config.bootstrapPii(), config.cspNonceAttribute(), config.tagLoader(), config.tagSrc().orElse(null),
                config.cookieName());
    }

    /** No fields, no PII, nonce attribute {@code cspNonce}, no loader, cookie {@code seerid}. */
    public static BootstrapSettings defaults() {
        return new BootstrapSettings(List.of(), Set.of(), false, "cspNonce", false, null, "seerid");
    }

    /** Whether the field may be put in the bootstrap: allow-listed, and not PII unless PII is allowed. */
    public boolean exposes(String field) {
        return field != null && fields.contains(field) && (allowPii || !piiFields.contains(field.toLowerCase(Locale.ROOT)));
    }
}
