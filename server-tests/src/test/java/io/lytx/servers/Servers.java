package io.lytx.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where failsafe put the unpacked servers and the example WAR (system properties set in the pom). */
final class Servers {

    private Servers() {
    }

    /**
     * @param property a system property naming a file or directory that must exist
     * @return its path
     */
    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("system property " + property + " must name an existing path (set by the "
                    + "server-tests pom, filled in pre-integration-test), was " + value);
        }
        return Path.of(value);
    }

    /** @return the example WAR built by the reactor */
    static Path war() {
        return path("servers.war");
    }

    /** @return the java launcher of the JVM running the tests: the servers run on the same JDK */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
