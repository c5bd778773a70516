package io.lytx.client.internal;

/**
 * The Lytics API token. Its {@link #toString()} is {@code ***}, so it cannot leak through string
 * concatenation, logs or debuggers' summaries; only {@link #reveal()} gives the secret, for the
 * {@code Authorization} header. Immutable, thread-safe.
 */
public final class ApiToken {

    private final String secret;

    /**
     * @param secret the raw token
     * @throws NullPointerException     when null
     * @throws IllegalArgumentException when blank, or holding CR, LF or other control characters
     *                                  (which could inject headers)
     */
    public ApiToken(String secret) {
        Args.notBlank(secret, "token");
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("token must not contain control characters");
            }
        }
        this.secret = secret.strip();
    }

    /** @return the raw token, to be sent in the {@code Authorization} header only */
    public String reveal() {
        return secret;
    }

    /**
     * @param text any text that might echo the token (e.g. a server message); null gives null
     * @return the text with every occurrence of the token replaced by {@code ***}
     */
    public String redact(String text) {
        return text == null ? null : text.replace(secret, "***");
    }

    /** @return {@code ***}, never the token */
    @Override
    public String toString() {
        return "***";
    }
}
