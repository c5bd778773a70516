package io.lytx.client.internal;

/**
 * One shared instance of short text that repeats from answer to answer, so that the values many cached
 * profiles have in common ({@code "t"}, {@code "US"}, {@code "61"}, segment slugs and ids, topic labels)
 * are held once rather than once per profile.
 *
 * <p>A fixed table of {@value #SLOTS} slots, each holding the last text of at most {@value #MAX_LENGTH}
 * characters whose hash lands there: text equal to the slot's is answered with the slot's instance,
 * other text takes the slot. Text that repeats across profiles stays in its slot, unique text (e-mail
 * addresses, ids) passes through and only ever costs a later repeat one more copy. Chosen over
 * {@link String#intern()} because values, unlike field names, are often unique: the table holds at most
 * {@value #SLOTS} strings of at most {@value #MAX_LENGTH} characters (about 500 KB at worst, on the Java
 * heap where it is counted) whatever the answers contain, and needs no lock.
 *
 * <p>Thread-safe: a slot is one reference, written without a lock; a racing write can only lose a share,
 * never give wrong text (strings are immutable and safely published through their final fields). O(1),
 * one hash and one {@code equals} per call.
 */
public final class SharedText {

    /** Slots in the table (a power of two). */
    static final int SLOTS = 4096;
    /** Longer text is never shared (it seldom repeats and would keep the table large). */
    static final int MAX_LENGTH = 40;

    private static final String[] TABLE = new String[SLOTS];

    private SharedText() {
    }

    /**
     * @param text any text, may be null
     * @return an equal instance shared with earlier calls when there is one, else {@code text} itself
     */
    public static String of(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return text;
        }
        int h = text.hashCode();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String held = TABLE[slot];
        if (text.equals(held)) {
            return held;
        }
        TABLE[slot] = text;
        return text;
    }
}
