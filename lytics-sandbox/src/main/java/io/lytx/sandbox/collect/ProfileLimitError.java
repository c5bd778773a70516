package io.lytx.sandbox.collect;

import io.lytx.sandbox.http.ApiError;

/**
 * {@code 507 Insufficient Storage}: collected events would create more profiles than the sandbox
 * holds. The sandbox keeps serving every other request; the message says how many profiles it
 * holds, how many events of the request were stored, and how to make room.
 */
public final class ProfileLimitError extends ApiError {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int profiles;
    /** How many events of the refused call were stored before the limit. */
    private final int stored;

    /**
     * The refusal.
     *
     * @param limit    the most profiles the sandbox holds
     * @param profiles how many it holds now
     * @param stored   how many events of the request were stored
     */
    public ProfileLimitError(int limit, int profiles, int stored) {
        this(limit, profiles, stored, stored + " events of this request were stored before it");
    }

    private ProfileLimitError(int limit, int profiles, int stored, String whatWasStored) {
        super(507, "profile limit reached: the sandbox holds " + profiles + " of at most " + limit
                + " profiles (--max-profiles, SandboxOptions.withMaxProfiles) and the next event would create"
                + " another; " + whatWasStored + ". Events of known profiles are still accepted;"
                + " POST /_sandbox/reset clears the profiles");
        this.limit = limit;
        this.profiles = profiles;
        this.stored = stored;
    }

    /**
     * How many events of the refused call were stored.
     *
     * @return the count
     */
    public int stored() {
        return stored;
    }

    /**
     * The same refusal for a whole upload.
     *
     * @param whatWasStored what of the upload was stored
     * @return the refusal
     */
    ProfileLimitError forUpload(String whatWasStored) {
        return new ProfileLimitError(limit, profiles, 0, whatWasStored);
    }
}
