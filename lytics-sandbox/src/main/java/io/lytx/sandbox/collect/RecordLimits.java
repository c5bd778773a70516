package io.lytx.sandbox.collect;

/**
 * Lytics' limits on the size of one collected record (docs.lytics.com platform-limits, "Events":
 * "Max input size 4 KB: Byte size of a single input record"; "Max size in batch 16 KB: Byte size
 * of a single input record within a batch"), measured on the record's UTF-8 text as sent.
 */
final class RecordLimits {

    /** The largest single record (one object posted alone), 4 KB. */
    static final int SINGLE_BYTES = 4 * 1024;
    /** The largest record inside a batch (an element of an array, a row or line of a bulk upload), 16 KB. */
    static final int IN_BATCH_BYTES = 16 * 1024;

    private RecordLimits() {
    }
}
