package io.lytx.client.error;

/**
 * HTTP 422: the request was well-formed but Lytics refused its content.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsUnprocessableException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsUnprocessableException(String operation, String lyticsMessage) {
        super(operation, 422, lyticsMessage);
    }
}
