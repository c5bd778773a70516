package io.lytx.sandbox.auth;

import java.util.List;
import java.util.Objects;

/**
 * The authenticated caller of one request.
 *
 * <p>Immutable and thread-safe (its collections are copied).
 *
 * @param tokenId   the token's id ({@code "admin"} for the admin token); not null
 * @param label     the token's label; not null
 * @param roles     the token's roles (scopes); not null
 * @param userToken true for the admin token, which acts as a Lytics user token (only those may
 *                  create tokens); false for tokens created through the API
 */
public record Caller(String tokenId, String label, List<String> roles, boolean userToken) {

    /** The request property under which the filters store the {@code Caller}. */
    public static final String PROPERTY = "io.lytx.sandbox.caller";

    /**
     * Copies and checks the arguments.
     *
     * @param tokenId the token's id ({@code "admin"} for the admin token); not null
     * @param label the token's label; not null
     * @param roles the token's roles (scopes); not null
     * @param userToken true for the admin token, which acts as a Lytics user token (only those may
     * @throws NullPointerException when an argument is null
     */
    public Caller {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(label, "label");
        roles = List.copyOf(roles);
    }

    /**
     * Whether this caller holds the sandbox's admin token.
     *
     * @return true for the admin token
     */
    public boolean isAdminToken() {
        return userToken && tokenId.equals(TokenStore.ADMIN_TOKEN_ID);
    }
}
