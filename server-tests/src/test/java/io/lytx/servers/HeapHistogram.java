package io.lytx.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The live objects of another JVM, counted by class: {@code jcmd <pid> GC.class_histogram}, which
 * runs a full GC first (what {@code jmap -histo:live} shows). Blocks at most a minute.
 */
final class HeapHistogram {

    private HeapHistogram() {
    }

    /**
     * @param pid       the JVM
     * @param className a class's binary name
     * @return how many instances of exactly that class are alive after a full GC
     */
    static long instances(long pid, String className) {
        String histogram = run(pid);
        long count = 0;
        for (String line : histogram.lines().toList()) {
            // "  12:    3    456  org.example.Name (module)"
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":") && f[3].equals(className)) {
                count += Long.parseLong(f[1]);
            }
        }
        return count;
    }

    private static String run(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("jcmd did not end within 60 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !text.contains("num ")) {
                throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + text);
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
