package io.lytx.client.error;

/** HTTP 5xx: Lytics failed; retrying later with backoff may succeed. */
public class LyticsServerException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param status        the 5xx status
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsServerException(String operation, int status, String lyticsMessage) {
        super(operation, status, lyticsMessage);
    }
}
