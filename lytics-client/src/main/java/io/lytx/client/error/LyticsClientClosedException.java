package io.lytx.client.error;

/**
 * The call was made on (or was under way when) {@link io.lytx.client.LyticsClient#close()} closed
 * the client. Final: a closed client never works again, so retrying the same client is pointless;
 * build a new one. Not a {@link LyticsConnectionException}, so retry loops that retry connection
 * failures stop on it. Immutable and thread-safe.
 */
public class LyticsClientClosedException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param operation the operation that was refused or cut, e.g. {@code GET /api/segment/{id}}; not null
     * @param cause     the failure the closing caused inside the HTTP stack (may be null)
     */
    public LyticsClientClosedException(String operation, Throwable cause) {
        super(operation + ": the client is closed", cause);
    }
}
