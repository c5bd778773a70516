package io.lytx.servlet.internal.profile;

/**
 * An upstream call that was not made or gave no usable answer, for a reason this package decides
 * (no answer by the guard deadline, an answer that is not a profile; Lytics' own "Timed out"
 * placeholder reaches here as the client's timeout instead). Carries the reason reported in
 * {@link ProfileResult#reason()}. Stackless: it describes an outcome, not a bug,
 * and is cheap enough to create on every rejected call.
 */
final class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
