package io.lytx.client.error;

/**
 * HTTP 413: the request body is over Lytics' size limit.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsPayloadTooLargeException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsPayloadTooLargeException(String operation, String lyticsMessage) {
        super(operation, 413, lyticsMessage);
    }
}
