package io.lytx.servlet.config;

import io.lytx.client.collect.StreamName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Resolves each key through the layers (highest first, then the default) and parses it, failing
 * with an {@link InvalidConfigException} that names the key, the layer and the value.
 * Used once at start-up by one thread.
 */
final class ConfigReader {

    private final List<ConfigSource> layers;
    private final Function<ConfigKey, String> settingNames;

    /**
     * @param layers       the layers, highest first
     * @param settingNames how the site writes a key's setting (messages name the key so)
     */
    ConfigReader(List<ConfigSource> layers, Function<ConfigKey, String> settingNames) {
        this.layers = List.copyOf(layers);
        this.settingNames = settingNames;
    }

    /** The key as the site writes it, e.g. {@code lytics.budget-ms} on Spring Boot. */
    String name(ConfigKey key) {
        String name = settingNames.apply(key);
        return name == null ? key.key() : name;
    }

    /** A raw value and the name of the layer it came from ({@code "default"} for defaults). */
    record Raw(ConfigKey key, String value, String source) {
    }

    Optional<Raw> raw(ConfigKey key) {
        for (ConfigSource layer : layers) {
            Optional<String> value = layer.get(key.key());
            if (value.isPresent()) {
                return Optional.of(new Raw(key, value.get(), layer.name()));
            }
        }
        return key.defaultValue().map(v -> new Raw(key, v, "default"));
    }

    InvalidConfigException invalid(Raw raw, String problem) {
        return new InvalidConfigException(raw.key().key(), name(raw.key()), raw.value(), raw.source(),
                raw.key().secret(), problem);
    }

    InvalidConfigException invalid(ConfigKey key, String problem) {
        Optional<Raw> raw = raw(key);
        return new InvalidConfigException(key.key(), name(key), raw.map(Raw::value).orElse(null),
                raw.map(Raw::source).orElse(null), key.secret(), problem);
    }

    String string(ConfigKey key) {
        return raw(key).map(Raw::value).orElse(null);
    }

    String matching(ConfigKey key, Pattern pattern, String expected) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(raw.get().value()).matches()) {
            throw invalid(raw.get(), "expected " + expected);
        }
        return raw.get().value();
    }

    /** A Lytics stream name following {@link StreamName}, the one rule of the project. */
    String streamName(ConfigKey key) {
        Raw raw = raw(key).orElseThrow();
        if (!StreamName.isValid(raw.value())) {
            throw invalid(raw, "expected a stream name: " + StreamName.RULE);
        }
        return raw.value();
    }

    boolean bool(ConfigKey key) {
        Raw raw = raw(key).orElseThrow();
        String v = raw.value().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw invalid(raw, "expected true or false");
    }

    long integer(ConfigKey key, long min, long max) {
        Raw raw = raw(key).orElseThrow();
        long value;
        try {
            value = Long.parseLong(raw.value());
        } catch (NumberFormatException e) {
            throw invalid(raw, "expected an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw invalid(raw, "expected an integer between " + min + " and " + max);
        }
        return value;
    }

    Duration millis(ConfigKey key, long min, long max) {
        return Duration.ofMillis(integer(key, min, max));
    }

    Duration seconds(ConfigKey key, long min, long max) {
        return Duration.ofSeconds(integer(key, min, max));
    }

    <E extends Enum<E>> E choice(ConfigKey key, Class<E> type) {
        Raw raw = raw(key).orElseThrow();
        String v = raw.value().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(raw, "expected one of " + allowed);
    }

    /** An absolute URI of any scheme (a provider's configuration); null when absent. */
    URI uri(ConfigKey key) {
        Optional<Raw> found = raw(key);
        if (found.isEmpty()) {
            return null;
        }
        Raw raw = found.get();
        try {
            URI uri = new URI(raw.value());
            if (!uri.isAbsolute() && !raw.value().matches("[A-Za-z0-9_.-]{1,200}")) {
                throw invalid(raw, "expected an absolute URI (file:..., classpath:...) or a plain name");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(raw, "expected an absolute URI (file:..., classpath:...) or a plain name");
        }
    }

    URI httpUri(ConfigKey key) {
        Raw raw = raw(key).orElseThrow();
        try {
            URI uri = new URI(raw.value());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid(raw, "expected an absolute http(s) URI without user info, query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(raw, "expected an absolute http(s) URI");
        }
    }

    Pattern regex(ConfigKey key) {
        Raw raw = raw(key).orElseThrow();
        try {
            return Pattern.compile(raw.value(), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw invalid(raw, "expected a Java regular expression (" + e.getDescription() + ")");
        }
    }

    PathPatterns paths(ConfigKey key) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return PathPatterns.none();
        }
        try {
            return PathPatterns.parse(raw.get().value());
        } catch (IllegalArgumentException e) {
            throw invalid(raw.get(), e.getMessage());
        }
    }

    PathPatterns extensions(ConfigKey key) {
        Optional<Raw> raw = raw(key);
        if (raw.isEmpty()) {
            return PathPatterns.none();
        }
        try {
            return PathPatterns.extensions(raw.get().value());
        } catch (IllegalArgumentException e) {
            throw invalid(raw.get(), e.getMessage());
        }
    }
}
