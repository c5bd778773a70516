package io.lytx.sandbox.http;

import java.util.Objects;

/**
 * One API route as the filters see it: the HTTP method and the matched path template
 * (e.g. {@code GET /api/entity/{table}/{field}/{value}}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param method   the HTTP method, upper case; not null
 * @param template the path template, starting with {@code /}, variables without regexes; not null
 */
public record Route(String method, String template) {

    /**
     * Checks the arguments.
     *
     * @param method the HTTP method, upper case; not null
     * @param template the path template, starting with {@code /}, variables without regexes; not null
     * @throws NullPointerException when an argument is null
     */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
    }

    /**
     * The key used by the stats and fault endpoints.
     *
     * @return {@code METHOD template}
     */
    public String key() {
        return method + " " + template;
    }

    @Override
    public String toString() {
        return key();
    }
}
