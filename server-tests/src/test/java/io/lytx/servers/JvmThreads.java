package io.lytx.servers;

import java.util.List;

/**
 * The threads alive in another JVM, by name: {@code jcmd <pid> Thread.print} (what {@code jstack}
 * shows). Blocks at most a minute. Thread-safe (stateless).
 */
final class JvmThreads {

    private JvmThreads() {
    }

    /**
     * @param pid    the JVM
     * @param prefix how the names start
     * @return the names of the live Java threads whose name starts with {@code prefix}
     */
    static List<String> named(long pid, String prefix) {
        // each thread's entry starts with its quoted name: "lytics-collector" #42 daemon prio=5 ...
        return Jcmd.run(pid, "Thread.print").lines().filter(l -> l.startsWith("\"" + prefix))
                .map(l -> l.substring(1, l.indexOf('"', 1))).toList();
    }
}
