package io.lytx.client.error;

/**
 * HTTP 400: the request was malformed (bad payload, bad FilterQL, wrong setting type).
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsBadRequestException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsBadRequestException(String operation, String lyticsMessage) {
        super(operation, 400, lyticsMessage);
    }
}
