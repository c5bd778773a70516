package io.lytx.servlet.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * One layer of raw configuration: filter init-parameters, context parameters, system properties or
 * environment variables. {@link LyticsConfig} reads several layers, highest first.
 *
 * <p>Keys are always the dotted names of {@link ConfigKey} (for example {@code lytics.budget.ms});
 * the environment layer maps them to {@code LYTICS_BUDGET_MS}. Blank values count as absent.
 * Implementations must be safe to call from one thread at a time (start-up only); they may block
 * only as long as reading a map does.
 */
public interface ConfigSource {

    /** A short human-readable name of the layer, used in error messages (e.g. {@code "system property"}). */
    String name();

    /**
     * The raw value of {@code key} in this layer.
     *
     * @param key a dotted key such as {@code lytics.api.url}, never null
     * @return the value, or empty when the layer does not set it or sets it blank
     */
    Optional<String> get(String key);

    /**
     * A layer backed by a lookup function (returning null for absent keys).
     *
     * @throws NullPointerException if an argument is null (the message names it)
     */
    static ConfigSource of(String name, Function<String, String> lookup) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lookup, "lookup");
        return new ConfigSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> get(String key) {
                Objects.requireNonNull(key, "key");
                String value = lookup.apply(key);
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
            }
        };
    }

    /**
     * A layer over a map keyed by dotted names (the map is read at each lookup, not copied).
     *
     * @throws NullPointerException if an argument is null (the message names it)
     */
    static ConfigSource map(String name, Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        return of(name, values::get);
    }

    /** The Java system properties {@code lytics.*} of this JVM, read at each lookup. */
    static ConfigSource systemProperties() {
        return properties("system property", System.getProperties());
    }

    /**
     * A layer over {@link Properties}.
     *
     * @throws NullPointerException if an argument is null (the message names it)
     */
    static ConfigSource properties(String name, Properties properties) {
        Objects.requireNonNull(properties, "properties");
        return of(name, properties::getProperty);
    }

    /** The process environment: {@code lytics.api.token} is read from {@code LYTICS_API_TOKEN}. */
    static ConfigSource environment() {
        return environment(System.getenv());
    }

    /**
     * An environment-style layer: {@code lytics.api.token} is read from {@code LYTICS_API_TOKEN}.
     *
     * @throws NullPointerException if {@code environment} is null
     */
    static ConfigSource environment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return of("environment variable", key -> environment.get(environmentName(key)));
    }

    /** The environment variable name of a dotted key: upper case, dots and dashes become underscores. */
    static String environmentName(String key) {
        Objects.requireNonNull(key, "key");
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
