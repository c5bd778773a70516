package io.lytx.spring.boot;

import io.lytx.servlet.config.InvalidConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on an invalid {@code lytics.*} setting the way Boot explains its own
 * binding errors: what is wrong (the message names the property, the value and what is expected; never
 * the token) and what to do.
 */
final class LyticsConfigFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the property in application.properties / application.yml or its environment variable"
                        + " (LYTICS_...); every setting is listed in the README of lytics-spring-boot-starter.",
                cause);
    }
}
