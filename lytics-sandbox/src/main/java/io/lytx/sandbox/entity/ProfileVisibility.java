package io.lytx.sandbox.entity;

import java.util.Set;

/**
 * The account settings that govern which profile fields a caller may see, read
 * on every call so that a changed setting applies at once. Implementations must be thread-safe.
 *
 * <p>Lytics' account settings "Allow Public Personalization API" ("allow the user profile of
 * anonymous users to be exposed ... It will only include allowed fields") and the fields an
 * account marks private (shown only to admin, data manager and user-search roles): docs.lytics.com
 * {@code personalization-api} and {@code account-users}.
 */
public interface ProfileVisibility {

    /** No restriction: profile fields may be listed, none is private (a domain without settings). */
    ProfileVisibility OPEN = new ProfileVisibility() {
        @Override
        public boolean allowsPublicProfiles() {
            return true;
        }

        @Override
        public Set<String> privateFields() {
            return Set.of();
        }
    };

    /**
     * Whether the browser may read profile fields without a token
     * ({@code allow_public_personalization}; unset counts as allowed).
     *
     * @return false when the account turned public profiles off
     */
    boolean allowsPublicProfiles();

    /**
     * The fields the account marked private ({@code private_fields}): never shown without a token
     * that may see them.
     *
     * @return the field names; empty when none
     */
    Set<String> privateFields();
}
