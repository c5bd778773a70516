package io.lytx.client.error;

/**
 * HTTP 404: the resource does not exist or belongs to another account.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsNotFoundException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsNotFoundException(String operation, String lyticsMessage) {
        super(operation, 404, lyticsMessage);
    }
}
