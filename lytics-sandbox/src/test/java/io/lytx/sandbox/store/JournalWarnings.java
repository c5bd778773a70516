package io.lytx.sandbox.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures the warnings {@link FileJournal} logs (instead of printing them) while open, so that a
 * test can assert them and the build output stays free of expected warnings. Thread-safe.
 */
final class JournalWarnings implements AutoCloseable {

    private final Logger log = Logger.getLogger(FileJournal.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private JournalWarnings() {
        log.addHandler(capture);
        log.setUseParentHandlers(false);
    }

    /** Starts capturing; close to print again. */
    static JournalWarnings capture() {
        return new JournalWarnings();
    }

    /** The captured warnings, formatted, in order. */
    List<String> texts() {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void close() {
        log.removeHandler(capture);
        log.setUseParentHandlers(true);
    }
}
