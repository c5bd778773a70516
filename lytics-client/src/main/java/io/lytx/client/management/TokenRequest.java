package io.lytx.client.management;

import io.lytx.client.internal.Args;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What token to create ({@code POST /api/auth/createtoken}).
 *
 * <p>An immutable value when the client builds it (its lists and maps are unmodifiable), and then thread-safe.
 *
 * @param label       label; required unless description is set
 * @param description description
 * @param scopes      role slugs; not empty
 * @param expires     lifetime, null for a token that never expires
 */
public record TokenRequest(String label, String description, List<String> scopes, Duration expires) {

    /**
     * Validates: scopes not empty, label or description present, expiry positive.
     *
     * @param label       label
     * @param description description
     * @param scopes      role slugs
     * @param expires     lifetime or null
     */
    public TokenRequest {
        Args.notNull(scopes, "scopes");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty");
        }
        scopes = List.copyOf(scopes);
        if ((label == null || label.isBlank()) && (description == null || description.isBlank())) {
            throw new IllegalArgumentException("label or description must be set");
        }
        if (expires != null) {
            Args.positive(expires, "expires");
        }
    }

    /** @return the JSON body; {@code expires} as a Go duration in hours (e.g. {@code 720h}) */
    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (label != null) {
            m.put("label", label);
        }
        if (description != null) {
            m.put("description", description);
        }
        m.put("scopes", scopes);
        if (expires != null) {
            long hours = Math.max(1, (expires.toMinutes() + 59) / 60);
            m.put("expires", hours + "h");
        }
        return m;
    }
}
