package io.lytx.client.error;

/**
 * No usable connection to Lytics: refused, reset, unknown host, TLS failure, or the client's own
 * async queue is full.
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
