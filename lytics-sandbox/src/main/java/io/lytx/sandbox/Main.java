package io.lytx.sandbox;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone sandbox: {@code java -jar lytics-sandbox.jar [options]}. Prints the base URL
 * (and the admin token when it generated one), then serves until the process is stopped.
 *
 * <p>Runs the process; {@link #main} blocks until the JVM stops.
 */
public final class Main {

    /** The port the standalone sandbox binds unless told otherwise. */
    public static final int DEFAULT_PORT = 8181;

    static final String USAGE = String.join("\n",
            "Usage: java -jar lytics-sandbox.jar [options]",
            "",
            "A local, stateful stand-in for the Lytics REST API.",
            "",
            "Options:",
            "  --host HOST            address to bind (default 127.0.0.1)",
            "  --port PORT            port to bind (default 8181; 0 = any free port)",
            "  --token SECRET         the admin token (default: generated and printed)",
            "  --data DIR             persist accepted changes in DIR and replay them on start",
            "                         (default: memory only)",
            "  --no-demo-data         start empty: no demo articles, segments or profiles",
            "  --trusted-proxy CIDR   believe Forwarded / X-Forwarded-For from this proxy range",
            "                         for the IP allowlist (repeatable; default: headers ignored)",
            "  --identity-fields LIST identity fields of the user table, comma-separated, in order",
            "                         of precedence; must include _uid (default _uid,email,user_id)",
            "  --max-profiles N       the most profiles held; events that would create more are",
            "                         refused with 507 (default 100000)",
            "  --help                 print this help and exit",
            "");

    private Main() {
    }

    /**
     * Starts the sandbox and serves until the JVM is stopped. Exits with status 2 on a bad command
     * line and 1 when the sandbox cannot start (port taken, data directory locked or unreadable).
     *
     * @param args the command-line options (see {@code --help})
     * @throws InterruptedException when the main thread is interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        SandboxOptions options;
        try {
            options = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("lytics-sandbox: " + e.getMessage());
            System.err.println();
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            return;
        }
        LyticsSandbox sandbox;
        try {
            sandbox = LyticsSandbox.start(options);
        } catch (RuntimeException e) {
            System.err.println("lytics-sandbox: cannot start: " + e.getMessage()
                    + (e.getCause() != null && e.getCause().getMessage() != null ? " (" + e.getCause().getMessage() + ")" : ""));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "lytics-sandbox-shutdown"));
        System.out.println("Lytics sandbox listening on " + sandbox.baseUri());
        if (options.adminToken().isEmpty()) {
            System.out.println("Admin token: " + sandbox.adminToken());
        } else {
            System.out.println("Admin token: (as given with --token)");
        }
        options.dataDir().ifPresent(d -> System.out.println("Data directory: " + d.toAbsolutePath()
                + " (replayed " + sandbox.replayReport().applied() + " records)"));
        System.out.flush();
        stopped.await();
    }

    /**
     * Reads the command line.
     *
     * @param args the options
     * @param out  where {@code --help} prints
     * @return the options, or null when {@code --help} was printed
     * @throws IllegalArgumentException naming the unknown option or the bad value
     */
    static SandboxOptions parse(String[] args, PrintStream out) {
        SandboxOptions o = SandboxOptions.defaults().withPort(DEFAULT_PORT);
        List<String> proxies = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return null;
                }
                case "--host" -> o = o.withHost(value(args, ++i, a));
                case "--port" -> o = o.withPort(port(value(args, ++i, a)));
                case "--token" -> o = o.withAdminToken(value(args, ++i, a));
                case "--data" -> o = o.withDataDir(Path.of(value(args, ++i, a)));
                case "--no-demo-data" -> o = o.withDemoData(false);
                case "--trusted-proxy" -> proxies.add(value(args, ++i, a));
                case "--identity-fields" -> {
                    try {
                        o = o.withIdentityFields(identityFields(value(args, ++i, a)));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(a + ": " + e.getMessage(), e);
                    }
                }
                case "--max-profiles" -> o = o.withMaxProfiles(positive(value(args, ++i, a), a));
                default -> throw new IllegalArgumentException("unknown option \"" + a + "\"");
            }
        }
        return o.withTrustedProxies(proxies);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static List<String> identityFields(String text) {
        List<String> names = new ArrayList<>();
        for (String n : text.split(",", -1)) {
            names.add(n.strip());
        }
        return names;
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number, was \"" + text + "\"");
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number 0..65535, was \"" + text + "\"", e);
        }
    }
}
