package io.lytx.servlet.it;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record of the JVM (the plugin logs through System.Logger, which
 * goes to JUL; embedded Tomcat logs to JUL too), formatted with message, parameters and stack trace.
 */
final class LogCapture extends Handler {

    private static LogCapture installed;

    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    static synchronized LogCapture install() {
        if (installed == null) {
            installed = new LogCapture();
            installed.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(installed);
        }
        return installed;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        // kept in memory
    }
}
