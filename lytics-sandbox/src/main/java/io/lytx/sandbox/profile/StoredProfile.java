package io.lytx.sandbox.profile;

import java.util.Map;
import java.util.Objects;

/**
 * A read-only view of one profile at one moment.
 *
 * <p>{@code fields} holds the profile as FilterQL evaluates it: attributes as collected (String,
 * BigDecimal, Boolean, List, Map), {@code _uids} (List of String), {@code visitct} (Long),
 * {@code firstvisit_ts}/{@code lastvisit_ts} (Instant), {@code lytics_content} (topic to Double
 * affinity 0..1) and {@code hashedurls} (document id to Long count). Immutable.
 *
 * @param seq    the profile's position in scan order (increasing with creation)
 * @param fields the immutable field map
 */
public record StoredProfile(long seq, Map<String, Object> fields) {

    /**
     * Validates.
     *
     * @param seq the profile's position in scan order (increasing with creation)
     * @param fields the immutable field map
     * @throws NullPointerException when {@code fields} is null
     */
    public StoredProfile {
        Objects.requireNonNull(fields, "fields");
    }
}
