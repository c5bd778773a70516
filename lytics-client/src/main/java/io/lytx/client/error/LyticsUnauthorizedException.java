package io.lytx.client.error;

/**
 * HTTP 401: the token is missing, wrong or expired.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsUnauthorizedException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsUnauthorizedException(String operation, String lyticsMessage) {
        super(operation, 401, lyticsMessage);
    }
}
