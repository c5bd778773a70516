package io.lytx.servlet;

import java.util.Objects;

/**
 * Who the visitor of one request is: the cookie visitor id (absent without consent), and the known
 * user's identity when logged in. Immutable and thread-safe.
 *
 * @param visitorId   the valid {@code seerid} value, or null when no cookie may be used (no consent)
 * @param minted      whether {@code visitorId} was minted on this request (a {@code Set-Cookie} goes out)
 * @param knownField  the Lytics identity field of the known user (e.g. {@code email}), or null
 * @param knownValue  the known user's identity value, or null; set exactly when {@code knownField} is
 */
public record Identity(String visitorId, boolean minted, String knownField, String knownValue) {

    private static final Identity ANONYMOUS = new Identity(null, false, null, null);

    /**
     * @throws IllegalArgumentException if only one of {@code knownField}/{@code knownValue} is given,
     *                                  or {@code minted} is true without a visitor id
     */
    public Identity {
        if ((knownField == null) != (knownValue == null)) {
            throw new IllegalArgumentException("knownField and knownValue go together");
        }
        if (minted && visitorId == null) {
            throw new IllegalArgumentException("minted requires a visitorId");
        }
    }

    /** No identity at all (no consent, bot, plugin inactive). */
    public static Identity anonymous() {
        return ANONYMOUS;
    }

    /** Whether a logged-in user is known. */
    public boolean known() {
        return knownValue != null;
    }

    /** Whether there is anything to look a profile up by. */
    public boolean identifiable() {
        return visitorId != null || knownValue != null;
    }

    /**
     * The strongest identity for a profile lookup: the known user's field and value when known,
     * else {@code _uid} and the visitor id.
     *
     * @throws IllegalStateException if not {@link #identifiable()}
     */
    public String lookupField() {
        if (knownValue != null) {
            return knownField;
        }
        if (visitorId != null) {
            return "_uid";
        }
        throw new IllegalStateException("no identity");
    }

    /** The value that goes with {@link #lookupField()}. @throws IllegalStateException if not identifiable */
    public String lookupValue() {
        if (knownValue != null) {
            return knownValue;
        }
        return Objects.requireNonNull(visitorId, "no identity");
    }

    @Override
    public String toString() {
        return "Identity[visitorId=" + visitorId + ", minted=" + minted
                + (known() ? ", " + knownField + "=<set>" : "") + ']';
    }
}
