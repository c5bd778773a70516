package io.lytx.client.error;

/** The call did not finish in time: connect timeout, read timeout, or the deadline of an async call. */
public class LyticsTimeoutException extends LyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what timed out
     * @param cause   the underlying failure (may be null)
     */
    public LyticsTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
