package io.lytx.client.error;

/**
 * The call did not finish in time: connect timeout, read timeout, or the deadline of an async call.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsTimeoutException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out
     * @param cause   the underlying failure (may be null)
     */
    public LyticsTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
