package io.lytx.servlet.internal.profile;

import io.lytx.client.entity.Entity;
import io.lytx.servlet.ProfileStatus;
import java.util.Objects;

/**
 * The outcome of a profile lookup: a status, the profile when there is one, and a short reason meant
 * for logs and diagnostics (never shown to visitors, never carrying a secret).
 *
 * <p>Immutable and thread-safe; results served from the cache are shared between requests.
 *
 * @param status what could be told about the visitor, never null
 * @param entity the profile; non-null exactly when {@code status} is {@link ProfileStatus#KNOWN}
 * @param reason a short explanation such as {@code "found"}, {@code "not found"}, {@code "timeout"}
 *               or {@code "breaker open"}; never null
 */
public record ProfileResult(ProfileStatus status, Entity entity, String reason) {

    private static final ProfileResult NEW_VISITOR = new ProfileResult(ProfileStatus.NEW_VISITOR, null, "not found");

    /**
     * Validates the combination.
     *
     * @throws NullPointerException     if {@code status} or {@code reason} is null, or {@code entity}
     *                                  is null for {@link ProfileStatus#KNOWN}
     * @throws IllegalArgumentException if {@code entity} is given with another status
     */
    public ProfileResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (status == ProfileStatus.KNOWN) {
            Objects.requireNonNull(entity, "entity");
        } else if (entity != null) {
            throw new IllegalArgumentException("entity must be null when status is " + status);
        }
    }

    /** A known visitor's profile. @throws NullPointerException if {@code entity} is null */
    public static ProfileResult known(Entity entity) {
        return new ProfileResult(ProfileStatus.KNOWN, entity, "found");
    }

    /** The shared result for a visitor Lytics has no profile for (its HTTP 200 "Not Found"). */
    public static ProfileResult newVisitor() {
        return NEW_VISITOR;
    }

    /**
     * A result for when Lytics could not be asked or did not answer usefully.
     *
     * @param reason a short explanation, never null
     */
    public static ProfileResult unavailable(String reason) {
        return new ProfileResult(ProfileStatus.UNAVAILABLE, null, reason);
    }

    /** Whether Lytics answered (known or new visitor), as opposed to {@link ProfileStatus#UNAVAILABLE}. */
    public boolean answered() {
        return status != ProfileStatus.UNAVAILABLE;
    }
}
