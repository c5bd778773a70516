package io.lytx.client.error;

/**
 * HTTP 409: the resource clashes with an existing one (e.g. a taken slug).
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsConflictException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsConflictException(String operation, String lyticsMessage) {
        super(operation, 409, lyticsMessage);
    }
}
