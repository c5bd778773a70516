package io.lytx.spring.boot;

import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.ConfigSource;
import io.lytx.servlet.config.LyticsConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the bound {@link LyticsProperties} into a validated {@link LyticsConfig}: one config layer per
 * property, named after the Spring Boot property, so that an invalid value fails with a message such as
 * {@code Invalid Lytics configuration: lytics.budget.ms = '0' (from Spring Boot property lytics.budget-ms):
 * expected an integer between 1 and 10000}. Stateless.
 */
final class BootConfigSources {

    private BootConfigSources() {
    }

    /** The Spring Boot property of a servlet key: {@code lytics.budget.ms} is {@code lytics.budget-ms}. */
    static String propertyName(ConfigKey key) {
        return "lytics." + key.key().substring("lytics.".length()).replace('.', '-');
    }

    /**
     * @throws io.lytx.servlet.config.InvalidConfigException if a value is invalid
     */
    static LyticsConfig load(LyticsProperties properties) {
        List<ConfigSource> layers = new ArrayList<>();
        for (Map.Entry<ConfigKey, String> e : properties.values().entrySet()) {
            String key = e.getKey().key();
            String value = e.getValue();
            layers.add(ConfigSource.of("Spring Boot property " + propertyName(e.getKey()),
                    k -> k.equals(key) ? value : null));
        }
        return LyticsConfig.load(layers, BootConfigSources::propertyName);
    }
}
