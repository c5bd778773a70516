package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.internal.bootstrap.BootstrapJson;
import io.lytx.servlet.internal.profile.LookupKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The records the plugin keeps as cache keys write out equals, hashCode and toString: a record's
 * generated ones are linked through {@code java.lang.runtime.ObjectMethods}, whose JDK-wide method
 * handle cache on JDK 17 (JDK-8078641) keeps the last record class linked, and with it a redeployed
 * web application's class loader (server-tests' TomcatIT shows the whole effect on Tomcat:
 * no class loader left after undeploy). Input: each key class's own class file; must hold: no
 * reference to ObjectMethods in it.
 */
class CacheKeyRecordsTest {

    @ParameterizedTest
    @ValueSource(classes = {LookupKey.class, BootstrapJson.Endpoints.class})
    void publicKeyRecordsLinkNoObjectMethods(Class<?> key) throws IOException {
        assertThat(classFile(key)).as(key.getName()).doesNotContain("java/lang/runtime/ObjectMethods");
        assertThat(key.isRecord()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.lytx.servlet.internal.bootstrap.BootstrapText$Tail"})
    void privateKeyRecordsLinkNoObjectMethods(String name) throws IOException, ClassNotFoundException {
        Class<?> key = Class.forName(name);
        assertThat(classFile(key)).as(name).doesNotContain("java/lang/runtime/ObjectMethods");
        assertThat(key.isRecord()).isTrue();
    }

    /** The class file's bytes as Latin-1 text (constant-pool strings are readable in it). */
    private static String classFile(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
