package io.lytx.servlet.internal.collect;

/**
 * The fields of an event that are worked out when the event is written, on the collector's worker
 * thread, rather than when it is built on a request thread: the request thread keeps the raw facts,
 * and the worker derives the field values from them. See {@link CollectEvent#of(EventFields)}.
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
    @FunctionalInterface
    interface Writer {

        /**
         * Writes a field whose value is {@code value}.
         *
         * @param name  the field name, not null
         * @param value the value; null writes nothing
         */
        void field(String name, String value);
    }
}
