package io.lytx.bench.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java process started with this JVM's class path, optionally pinned to CPUs with
 * {@code taskset}, whose standard output is read line by line until a line with a given prefix
 * announces that it is ready. Closing its standard input asks it to stop; {@link #close()} does that
 * and waits up to 10 s before killing it. Not thread-safe.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final String readyLine;

    private ChildJvm(Process process, String readyLine) {
        this.process = process;
        this.readyLine = readyLine;
    }

    /**
     * Starts {@code mainClass} and blocks until it prints a line starting with {@code readyPrefix}
     * (other lines are echoed with a tag) or ends.
     *
     * @param cpus        {@code taskset -c} CPU list, or null for no pinning
     * @param jvmOptions  options before the class name (heap, system properties)
     * @param mainClass   the class to run
     * @param args        its arguments
     * @param readyPrefix the start of the line that says the child is ready
     * @return the running child
     * @throws IOException if it cannot start or ends before it is ready
     */
    public static ChildJvm start(String cpus, List<String> jvmOptions, String mainClass, List<String> args,
                                 String readyPrefix) throws IOException {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(List.of("taskset", "-c", cpus));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String tag = "[" + mainClass.substring(mainClass.lastIndexOf('.') + 1) + "] ";
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(readyPrefix)) {
                Thread echo = new Thread(() -> echo(out, tag), "child-output");
                echo.setDaemon(true);
                echo.start();
                return new ChildJvm(process, line);
            }
            System.out.println(tag + line);
        }
        process.destroyForcibly();
        throw new IOException(mainClass + " ended before printing a line starting with " + readyPrefix);
    }

    private static void echo(BufferedReader out, String tag) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                System.out.println(tag + line);
            }
        } catch (IOException e) {
            // the child ended
        }
    }

    /** @return the line that announced the child ready */
    public String readyLine() {
        return readyLine;
    }

    /** @return the child's process id */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
