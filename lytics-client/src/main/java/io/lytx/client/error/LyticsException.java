package io.lytx.client.error;

/**
 * Root of every failure the Lytics client reports. Unchecked.
 *
 * <p>Messages name the operation (for example {@code GET /api/entity/{table}/{field}/{value}}) but
 * never the API token, and never the identity values put into the request path.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets
     */
    public LyticsException(String message) {
        super(message);
    }

    /**
     * @param message what failed, without secrets
     * @param cause   the underlying failure (may be null)
     */
    public LyticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
