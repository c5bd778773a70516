package io.lytx.servlet.collect;

/**
 * The fields of an event that are worked out when the event is written, on the collector's worker
 * thread, rather than when it is built on a request thread: the request thread keeps the raw facts
 * (a few references and numbers), and the worker derives the field values from them and writes
 * them straight into the JSON batch, without intermediate strings. See
 * {@link CollectEvent#of(EventFields)}.
 *
 * <p>Implementations must be immutable and thread-safe, and {@link #writeTo(Writer)} must write the
 * same fields every time it is called (it may be called more than once, e.g. by
 * {@link CollectEvent#fields()}), each field name at most once and never {@value CollectEvent#ID_FIELD}.
 */
public interface EventFields {

    /**
     * An estimate of the size of the written fields as JSON, counted like
     * {@link CollectEvent#estimatedBytes()}: for each field its name, its value (one byte per
     * character) and 6 bytes of punctuation. It bounds the collector's queue, so it should not be
     * below the real size for ASCII values that need no escaping; it may be above it (a field that
     * turns out to be absent). Called once, on the thread that builds the event: keep it cheap.
     *
     * @return a non-negative estimate in bytes
     */
    int estimatedBytes();

    /**
     * Writes the fields, in order, to {@code out}. Called on the collector's worker thread (and by
     * {@link CollectEvent#fields()} on the caller's); must not block and must not throw.
     *
     * @param out where the fields go; valid only during the call
     */
    void writeTo(Writer out);

    /**
     * Receives the fields of one event. JSON escaping and encoding are the writer's business: values
     * are given as plain Java text. Not thread-safe; valid only during {@link #writeTo(Writer)}.
     */
    interface Writer {

        /**
         * Writes a field whose value is {@code value}.
         *
         * @param name  the field name, not null
         * @param value the value; null writes nothing
         */
        void field(String name, String value);

        /**
         * Writes a field whose value is the decimal text of {@code value} (as a JSON string, like
         * {@code Long.toString(value)}).
         *
         * @param name  the field name, not null
         * @param value the number
         */
        void field(String name, long value);

        /**
         * Writes a field whose value is the canonical text of the UUID made of the two halves (as
         * {@code new UUID(msb, lsb).toString()}).
         *
         * @param name the field name, not null
         * @param msb  most significant 64 bits
         * @param lsb  least significant 64 bits
         */
        void uuidField(String name, long msb, long lsb);

        /**
         * Starts a field whose value is made of the parts given by the {@code append} calls that
         * follow, up to {@link #end()}.
         *
         * @param name the field name, not null
         */
        void begin(String name);

        /**
         * Appends {@code text.substring(from, to)} to the value begun by {@link #begin(String)}; a
         * surrogate pair split between two appends is still one character.
         *
         * @param text the text, not null
         * @param from first index, inclusive
         * @param to   last index, exclusive
         */
        void append(String text, int from, int to);

        /**
         * Appends one character to the value begun by {@link #begin(String)}.
         *
         * @param c the character
         */
        void append(char c);

        /**
         * Appends the decimal text of {@code value} to the value begun by {@link #begin(String)}.
         *
         * @param value the number
         */
        void append(long value);

        /** Ends the value begun by {@link #begin(String)}. */
        void end();
    }
}
