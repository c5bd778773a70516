package io.lytx.client.error;

/**
 * HTTP 403: the token lacks a role, or the caller is outside the account's IP allow-list.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsForbiddenException extends LyticsApiException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation     the operation that failed
     * @param lyticsMessage Lytics' message (may be null)
     */
    public LyticsForbiddenException(String operation, String lyticsMessage) {
        super(operation, 403, lyticsMessage);
    }
}
