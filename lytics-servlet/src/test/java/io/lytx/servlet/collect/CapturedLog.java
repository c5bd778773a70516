package io.lytx.servlet.collect;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what one class logs while a test runs (its {@code System.Logger} goes to
 * {@code java.util.logging} under the class name). {@link #start()} in {@code @BeforeEach},
 * {@link #stop()} in {@code @AfterEach}. Thread-safe.
 */
final class CapturedLog extends Handler {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger;

    CapturedLog(Class<?> source) {
        this.logger = Logger.getLogger(source.getName());
    }

    void start() {
        logger.addHandler(this);
    }

    void stop() {
        logger.removeHandler(this);
    }

    /** @return every record so far, in order (a live view) */
    List<LogRecord> records() {
        return records;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        // nothing to release
    }
}
