package io.lytx.sandbox.auth;

import java.util.Objects;

/**
 * The right to read, or to read and change, one API area.
 *
 * <p>Immutable and thread-safe.
 *
 * @param area   the API family; not null
 * @param access {@link Access#WRITE} also covers reads; not null
 */
public record Permission(ApiArea area, Access access) {

    /**
     * Checks the arguments.
     *
     * @param area the API family; not null
     * @param access {@link Access#WRITE} also covers reads; not null
     * @throws NullPointerException when an argument is null
     */
    public Permission {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(access, "access");
    }

    /**
     * Whether this permission allows a call.
     *
     * @param wantedArea   the area the call touches
     * @param wantedAccess what the call does
     * @return true when the areas match and this access covers the wanted one
     */
    public boolean covers(ApiArea wantedArea, Access wantedAccess) {
        return area == wantedArea && (access == Access.WRITE || wantedAccess == Access.READ);
    }
}
