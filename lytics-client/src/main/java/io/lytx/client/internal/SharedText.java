package io.lytx.client.internal;

/**
 * One shared instance of short text that repeats from answer to answer, so that the values many cached
 * profiles have in common ({@code "t"}, {@code "US"}, {@code "61"}, segment slugs and ids, topic labels)
 * are held once rather than once per profile.
 *
 * <p>A {@link SharedValues} table of {@value #SLOTS} slots for text of at most {@value #MAX_LENGTH}
 * characters (longer text passes through). Chosen over {@link String#intern()} because values, unlike
 * field names, are often unique (e-mail addresses, ids): the table holds at most {@value #SLOTS} strings of
 * at most {@value #MAX_LENGTH} characters (about 500 KB at worst, on the Java heap where it is counted)
 * whatever the answers contain, and grows no JVM-wide table with text used once. Thread-safe, O(1).
 */
public final class SharedText {

    /** Slots in the table (a power of two). */
    static final int SLOTS = 4096;
    /** Longer text is never shared (it seldom repeats and would keep the table large). */
    static final int MAX_LENGTH = 40;

    private static final SharedValues<String> TABLE = new SharedValues<>(SLOTS);

    private SharedText() {
    }

    /**
     * @param text any text, may be null
     * @return an equal instance shared with earlier calls when there is one, else {@code text} itself
     */
    public static String of(String text) {
        return text == null || text.length() > MAX_LENGTH ? text : TABLE.of(text);
    }
}
