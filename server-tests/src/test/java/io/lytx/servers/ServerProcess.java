package io.lytx.servers;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A server started as a child process of the test JVM, its console (stdout and stderr) written to a
 * file. Stopping it ({@link #close()}) sends SIGTERM to the process and everything it started (a
 * start script's JVM), waits for them to end, at most {@link #STOP_WAIT}, then kills what is left;
 * a JVM shutdown hook does the same if the tests end without closing it. {@code LYTICS_*}
 * variables are removed from the child's environment, so the example always starts its own sandbox.
 * Not thread-safe: one test thread drives one server.
 */
final class ServerProcess implements AutoCloseable {

    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path console;
    private final Thread killer;

    private ServerProcess(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
        this.killer = new Thread(() -> kill(Duration.ofSeconds(10)), "stop " + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts a server.
     *
     * @param name    for messages
     * @param command the command line
     * @param workDir its working directory
     * @param console the file its console goes to (replaced)
     * @param env     variables added to its environment
     * @return the running process
     */
    static ServerProcess start(String name, List<String> command, Path workDir, Path console, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LYTICS_"));
        builder.environment().putAll(env);
        try {
            Files.createDirectories(console.getParent());
            return new ServerProcess(name, builder.start(), console);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** @return the process id of the server's JVM (the last descendant started, or the process itself) */
    long jvmPid() {
        List<ProcessHandle> children = process.descendants().filter(p -> p.info().command()
                .map(c -> c.endsWith("/java")).orElse(false)).toList();
        return children.isEmpty() ? process.pid() : children.get(children.size() - 1).pid();
    }

    /** @return the process and everything it started, alive now */
    List<ProcessHandle> tree() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }

    /** @return the console so far */
    String console() {
        try {
            return Files.readString(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the console's lines after the first {@code from} characters */
    List<String> consoleLinesFrom(int from) {
        String all = console();
        return all.substring(Math.min(from, all.length())).lines().toList();
    }

    /**
     * Waits until the console shows a line that matches, failing at once if the server ends.
     *
     * @param what    what the line means, for the message
     * @param line    the test on each line
     * @param atMost  the longest wait
     */
    void awaitConsole(String what, Predicate<String> line, Duration atMost) {
        try {
            await(name + ": " + what).atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " ended (exit " + process.exitValue() + ") before: " + what
                            + "\n" + tail());
                }
                return console().lines().anyMatch(line);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + ": no sign of \"" + what + "\" within " + atMost + "\n" + tail(), e);
        }
    }

    /** @return the last lines of the console, for failure messages */
    String tail() {
        List<String> lines = console().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Stops the server: SIGTERM to the whole tree, bounded wait, then kill. Idempotent. */
    @Override
    public void close() {
        kill(STOP_WAIT);
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * Stops and waits for the end of the process tree.
     *
     * @return whether every process ended after SIGTERM (a graceful stop), not killed
     */
    boolean stopGracefully() {
        return kill(STOP_WAIT);
    }

    private boolean kill(Duration wait) {
        List<ProcessHandle> all = tree();
        // the JVMs first, then the scripts that wait for them
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).destroy();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean graceful = true;
        for (ProcessHandle p : all) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                p.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                graceful = false;
                break;
            } catch (Exception timeoutOrFailure) {
                graceful = false;
            }
        }
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                graceful = false;
                p.destroyForcibly();
            }
        }
        return graceful;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
