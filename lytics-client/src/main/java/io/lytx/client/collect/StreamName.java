package io.lytx.client.collect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one rule for Lytics stream names, used wherever this project names a stream: the client's
 * collect calls, the servlet's {@code lytics.stream} setting and its event collector, and the
 * sandbox's collect endpoints.
 *
 * <p>A stream name is the last segment of {@code /collect/json/{stream}} and {@code
 * /collect/bulk/{stream}}. Lytics publishes no character set for it; the names it documents and
 * ships ({@code default}, {@code android_sdk}, {@code web_events}, ...) are letters, digits and
 * {@code _}. The rule accepts those plus {@code .} and {@code -} inside a name, 1 to
 * {@value #MAX_LENGTH} characters, and requires the first character to be a letter, a digit or
 * {@code _}: a name such as {@code ..} or {@code .} would otherwise be read as a relative path
 * segment, and one starting with {@code -} as an option by command-line tools.
 *
 * <p>Stateless and thread-safe.
 */
public final class StreamName {

    /** The stream events go to when none is configured: Lytics' own default stream. */
    public static final String DEFAULT = "default";
    /** Longest stream name accepted, characters. */
    public static final int MAX_LENGTH = 100;
    /** The rule in words, for messages: what a name must be. */
    public static final String RULE = "1-" + MAX_LENGTH
            + " letters, digits, '_', '.' or '-', starting with a letter, a digit or '_'";

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0," + (MAX_LENGTH - 1) + "}");

    private StreamName() {
    }

    /**
     * Whether {@code name} is a valid stream name.
     *
     * @param name any text, may be null (then false)
     * @return true when the name follows the rule
     */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /**
     * Checks a stream name.
     *
     * @param name the name to check
     * @param what what the name is called in the message, e.g. {@code "stream"}
     * @return {@code name}
     * @throws NullPointerException     if {@code name} is null (the message is {@code what})
     * @throws IllegalArgumentException if the name breaks the rule (the message names {@code what},
     *                                  the rule and the value, shortened)
     */
    public static String require(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!isValid(name)) {
            String cut = name.length() > 40 ? name.substring(0, 40) + "...(" + name.length() + " chars)" : name;
            String shown = cut.replaceAll("[^\\x20-\\x7e]", "?");
            throw new IllegalArgumentException(what + " must be " + RULE + ", was: \"" + shown + "\"");
        }
        return name;
    }
}
