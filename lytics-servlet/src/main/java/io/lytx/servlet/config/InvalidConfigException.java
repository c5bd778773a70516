package io.lytx.servlet.config;

/**
 * A configuration value that cannot be used: start-up fails with this exception. The message names
 * the key, the layer it came from and the offending value (sanitized and shortened; the value of a
 * secret key such as the API token is never included).
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_SHOWN = 80;

    private final String key;

    /**
     * @param key     the dotted key, never null
     * @param setting the key as the site writes it (the message names it so), never null
     * @param value   the raw value (may be null)
     * @param source  the layer name, e.g. {@code "context-param"}
     * @param secret  whether to hide the value
     * @param problem what is wrong and what is expected
     */
    InvalidConfigException(String key, String setting, String value, String source, boolean secret, String problem) {
        super("Invalid Lytics configuration: " + setting + " = " + shown(value, secret)
                + (source == null ? "" : " (from " + source + ")") + ": " + problem);
        this.key = key;
    }

    /** The dotted key whose value is invalid. */
    public String key() {
        return key;
    }

    private static String shown(String value, boolean secret) {
        if (secret) {
            return "<hidden>";
        }
        if (value == null) {
            return "<none>";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 8).append('\'');
        for (int i = 0; i < value.length() && i < MAX_SHOWN; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX_SHOWN) {
            out.append("...(").append(value.length()).append(" chars)");
        }
        return out.append('\'').toString();
    }
}
