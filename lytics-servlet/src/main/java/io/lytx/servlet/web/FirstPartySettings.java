package io.lytx.servlet.web;

import io.lytx.servlet.bootstrap.BootstrapSettings;
import io.lytx.servlet.bootstrap.SafeUrl;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.servlet.preview.PreviewSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of the first-party endpoints, the bootstrap and the preview, read from the
 * {@link LyticsConfig} (keys {@code lytics.endpoints.*}, {@code lytics.bootstrap.*},
 * {@code lytics.csp.nonce.attribute}, {@code lytics.tag.*}, {@code lytics.preview.*}; see the module
 * README). Immutable and thread-safe.
 *
 * @param enabled        whether the endpoints are served
 * @param basePath       base path inside the web app, e.g. {@code /lytics} (no trailing slash)
 * @param ratePerMinute  browser events accepted per visitor and minute (also the burst)
 * @param extraOrigins   origins allowed to post events besides the page's own ({@code scheme://host[:port]}, lower case)
 * @param trustIdentity  whether identity fields sent by the browser are kept
 * @param identityFields identity fields dropped from browser events when not trusted
 * @param bootstrap      what the bootstrap exposes and how the head is written
 * @param preview        who may preview
 */
public record FirstPartySettings(boolean enabled, String basePath, int ratePerMinute, Set<String> extraOrigins,
                                 boolean trustIdentity, Set<String> identityFields, BootstrapSettings bootstrap,
                                 PreviewSettings preview) {

    /** Largest event body accepted, bytes. */
    public static final int MAX_EVENT_BYTES = 16 * 1024;

    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final Pattern ROLE = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** @throws NullPointerException if an argument is null */
    public FirstPartySettings {
        Objects.requireNonNull(basePath, "basePath");
        extraOrigins = Set.copyOf(extraOrigins);
        identityFields = Set.copyOf(identityFields);
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(preview, "preview");
    }

    /** The settings of a config with every key at its default. */
    public static FirstPartySettings defaults() {
        return from(LyticsConfig.builder().build());
    }

    /**
     * Reads and validates the settings.
     *
     * @param config the plugin config, never null
     * @throws IllegalArgumentException naming the key and the value when a value is invalid
     */
    public static FirstPartySettings from(LyticsConfig config) {
        Objects.requireNonNull(config, "config");
        Reader r = new Reader(config);
        String base = r.text(ConfigKey.ENDPOINTS_PATH);
        if (!BASE_PATH.matcher(base).matches()) {
            throw r.invalid(ConfigKey.ENDPOINTS_PATH, "expected a path such as /lytics (letters, digits, ._~-, no trailing /)");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String o : r.list(ConfigKey.RELAY_ORIGINS)) {
            origins.add(origin(r, o));
        }
        String tagSrc = config.value(ConfigKey.TAG_SRC).orElse(null);
        if (tagSrc != null && (!SafeUrl.isSafe(tagSrc) || !tagSrc.regionMatches(true, 0, "https://", 0, 8))) {
            throw r.invalid(ConfigKey.TAG_SRC, "expected an https URL");
        }
        if (tagSrc == null && config.accountId().isPresent()) {
            tagSrc = "https://c.lytics.io/api/tag/" + config.accountId().get() + "/latest.min.js";
        }
        String nonceAttribute = r.text(ConfigKey.CSP_NONCE_ATTRIBUTE);
        if (!ATTRIBUTE.matcher(nonceAttribute).matches()) {
            throw r.invalid(ConfigKey.CSP_NONCE_ATTRIBUTE, "expected an attribute name");
        }
        String role = config.value(ConfigKey.PREVIEW_ROLE).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (role != null && !ROLE.matcher(role).matches()) {
            throw r.invalid(ConfigKey.PREVIEW_ROLE, "expected a role name without spaces");
        }
        BootstrapSettings bootstrap = new BootstrapSettings(r.fields(ConfigKey.BOOTSTRAP_FIELDS),
                Set.copyOf(r.fields(ConfigKey.BOOTSTRAP_PII_FIELDS)), r.bool(ConfigKey.BOOTSTRAP_PII), nonceAttribute,
                r.bool(ConfigKey.TAG_LOADER), tagSrc, config.cookieName());
        return new FirstPartySettings(r.bool(ConfigKey.ENDPOINTS_ENABLED), base,
                r.integer(ConfigKey.RELAY_RATE, 1, 10_000), origins, r.bool(ConfigKey.RELAY_TRUST_IDENTITY),
                Set.copyOf(r.fields(ConfigKey.RELAY_IDENTITY_FIELDS)), bootstrap,
                new PreviewSettings(r.bool(ConfigKey.PREVIEW_ENABLED), role));
    }

    /** Whether {@code name} is a field name the settings accept (letters, digits, {@code _ . -}, at most 128). */
    static boolean isFieldName(String name) {
        return FIELD.matcher(name).matches();
    }

    private static String origin(Reader r, String text) {
        try {
            URI u = new URI(text);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null
                    && (u.getRawPath() == null || u.getRawPath().isEmpty()) && u.getRawQuery() == null
                    && u.getRawUserInfo() == null) {
                return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw r.invalid(ConfigKey.RELAY_ORIGINS, "expected origins such as https://www.example.com, got '" + text + "'");
    }

    /** Parses raw values of the config, failing with the key in the message. */
    static final class Reader {
        private final LyticsConfig config;

        Reader(LyticsConfig config) {
            this.config = config;
        }

        String text(ConfigKey key) {
            return config.value(key).orElse("").strip();
        }

        IllegalArgumentException invalid(ConfigKey key, String problem) {
            String v = text(key);
            return new IllegalArgumentException("Invalid Lytics configuration: " + key.key() + " = "
                    + (v.length() > 80 ? v.substring(0, 80) + "..." : v) + ": " + problem);
        }

        boolean bool(ConfigKey key) {
            String v = text(key).toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return v.equals("true");
            }
            throw invalid(key, "expected true or false");
        }

        int integer(ConfigKey key, int min, int max) {
            try {
                int v = Integer.parseInt(text(key));
                if (v >= min && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, "expected an integer between " + min + " and " + max);
        }

        List<String> list(ConfigKey key) {
            List<String> out = new ArrayList<>();
            for (String s : text(key).split("[,\\s]+")) {
                if (!s.isEmpty() && !out.contains(s)) {
                    out.add(s);
                }
            }
            return out;
        }

        List<String> fields(ConfigKey key) {
            List<String> out = list(key);
            for (String f : out) {
                if (!FIELD.matcher(f).matches()) {
                    throw invalid(key, "expected field names (letters, digits, _ . -), got '" + f + "'");
                }
            }
            return out;
        }
    }
}
