package io.lytx.sandbox.profile;

/**
 * An event would create a profile beyond the store's {@link ProfileStore#maxProfiles() limit};
 * the store was not changed.
 */
public final class ProfileLimitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The limit that was reached. */
    private final int limit;

    /**
     * The limit was reached.
     *
     * @param limit the store's limit
     */
    public ProfileLimitException(int limit) {
        super("the sandbox holds its limit of " + limit + " profiles");
        this.limit = limit;
    }

    /**
     * The store's limit.
     *
     * @return the most profiles the store holds
     */
    public int limit() {
        return limit;
    }
}
