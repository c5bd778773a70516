package io.lytx.client.error;

/**
 * Lytics answered with an HTTP error status (4xx or 5xx). Carries the HTTP status and the
 * human-readable message Lytics put in the body ({@code message}, or the first {@code errors[].message}
 * of a {@code /v2} answer), which may be empty when the body had none.
 *
 * <p>Immutable once created and thread-safe; the message never holds the token or identity values.
 */
public class LyticsApiException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer. */
    private final int status;
    /** Lytics' message, never null. */
    private final String lyticsMessage;

    /**
     * @param operation     the operation that failed, e.g. {@code GET /api/segment/{id}}
     * @param status        the HTTP status
     * @param lyticsMessage Lytics' message; null is stored as empty
     */
    public LyticsApiException(String operation, int status, String lyticsMessage) {
        super(operation + " failed with HTTP " + status
                + (lyticsMessage == null || lyticsMessage.isEmpty() ? "" : ": " + lyticsMessage));
        this.status = status;
        this.lyticsMessage = lyticsMessage == null ? "" : lyticsMessage;
    }

    /** @return the HTTP status code of the answer */
    public int status() {
        return status;
    }

    /** @return the message Lytics gave, never null (empty when none) */
    public String lyticsMessage() {
        return lyticsMessage;
    }
}
