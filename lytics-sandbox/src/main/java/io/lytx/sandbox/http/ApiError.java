package io.lytx.sandbox.http;

/**
 * A request the sandbox refuses, answered as the Lytics error envelope
 * {@code {"data":null,"message":<message>,"status":<status>}} with that HTTP status.
 *
 * <p>Throw it from any resource or filter; {@link ErrorMapper} turns it into the response. The
 * message is sent to the client verbatim, so it must say what was wrong and where, and must never
 * carry a secret. Immutable and thread-safe.
 */
public class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer, 400..599. */
    private final int status;

    /**
     * An error answered with {@code status} and {@code message}.
     *
     * @param status  the HTTP status, 400..599
     * @param message what was wrong, for the client; not blank
     * @throws IllegalArgumentException when the status is not an error status or the message is blank
     */
    public ApiError(int status, String message) {
        super(message);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
        this.status = status;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return 400..599
     */
    public int status() {
        return status;
    }
}
