package io.lytx.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one diagnostic command in another JVM with the JDK's {@code jcmd} (of the JVM running the
 * tests: the servers run on the same JDK). Blocks at most a minute. Thread-safe (stateless).
 */
final class Jcmd {

    private Jcmd() {
    }

    /**
     * @param pid     the JVM
     * @param command the diagnostic command, e.g. {@code GC.class_histogram}
     * @return what jcmd printed
     * @throws IllegalStateException if jcmd fails or does not end within 60 s
     */
    static String run(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd did not end within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
