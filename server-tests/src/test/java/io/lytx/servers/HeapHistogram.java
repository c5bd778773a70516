package io.lytx.servers;

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
        String histogram = Jcmd.run(pid, "GC.class_histogram");
        if (!histogram.contains("num ")) {
            throw new IllegalStateException("jcmd " + pid + " GC.class_histogram printed no histogram: " + histogram);
        }
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
}
