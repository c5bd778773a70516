package io.lytx.servlet.internal.web;

/**
 * A browser event refused by the collect endpoint: the HTTP status and a message safe to send back
 * (it never echoes more than a short, sanitized piece of the input).
 */
final class RelayRefusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    RelayRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
