package io.lytx.bench.support;

import java.nio.file.Path;

/**
 * Where a run writes its files beside its text output (plots): the system property {@code bench.out}
 * ({@code run-all.sh} passes its output directory), else the environment variable {@code BENCH_OUT},
 * else the current directory.
 */
public final class OutputDir {

    private OutputDir() {
    }

    /**
     * @param name a file name
     * @return that file in the output directory
     */
    public static Path file(String name) {
        String dir = System.getProperty("bench.out");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("BENCH_OUT");
        }
        return (dir == null || dir.isBlank() ? Path.of(".") : Path.of(dir)).resolve(name);
    }
}
