package io.lytx.servlet.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds live threads belonging to the plugin: named {@code lytics-*} (but not the test sandbox's
 * {@code lytics-sandbox*}), or running code of the plugin, of the Lytics client or of its HTTP stack.
 */
final class OurThreads {

    private static final String[] OUR_CODE = {"io.lytx.servlet.", "io.lytx.client.", "org.apache.hc.",
        "org.glassfish.jersey.client."};

    private OurThreads() {
    }

    static List<String> alive() {
        List<String> found = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t == Thread.currentThread() || !t.isAlive()) {
                continue;
            }
            String name = t.getName();
            if (name.startsWith("lytics-sandbox") || name.startsWith("stub-lytics-server")) { // stand-ins for Lytics
                continue;
            }
            boolean ours = name.startsWith("lytics-");
            for (StackTraceElement frame : e.getValue()) {
                if (frame.getClassName().startsWith("io.lytx.servlet.it.")) {
                    continue; // the tests themselves
                }
                for (String prefix : OUR_CODE) {
                    if (frame.getClassName().startsWith(prefix)) {
                        ours = true;
                        break;
                    }
                }
            }
            if (ours) {
                found.add(name);
            }
        }
        return found;
    }
}
