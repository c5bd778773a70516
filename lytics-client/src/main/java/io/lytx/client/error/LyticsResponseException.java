package io.lytx.client.error;

/**
 * Lytics answered, but the answer could not be used: the body is not JSON, has an unexpected shape,
 * or is larger than the client's {@code maxResponseBytes} (in which case it was not read whole).
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsResponseException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the answer */
    public LyticsResponseException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong with the answer
     * @param cause   the underlying failure (may be null)
     */
    public LyticsResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
