package io.lytx.client.error;

/**
 * No usable connection to Lytics: refused, reset, unknown host, TLS failure, or the client's own
 * async queue is full.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsConnectionException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause   the underlying failure (may be null)
     */
    public LyticsConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
