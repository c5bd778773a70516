package io.lytx.servlet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the test web applications: the plugin goes in as a jar in {@code WEB-INF/lib} with its
 * {@code web-fragment.xml} (exactly as a user adds it; the web.xml does not mention the plugin),
 * configured through context parameters.
 */
final class TestApps {

    private static final String APP_PACKAGE = "io.lytx.servlet.it.app";
    /** The stand-in security filter ({@code X-Test-Role} header), declared before the plugin's. */
    private static final String ROLE_FILTER = "  <filter><filter-name>test-roles</filter-name><filter-class>" + APP_PACKAGE
            + ".TestRoleFilter</filter-class></filter>\n"
            + "  <filter-mapping><filter-name>test-roles</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n";

    private TestApps() {
    }

    /**
     * Adds the compiled test servlets as files: the test JVM never loads them (they use the plugin's
     * classes, which exist only inside the deployed web apps).
     */
    private static WebArchive withServlets(WebArchive war) {
        String dir = APP_PACKAGE.replace('.', '/');
        File[] files = new File("target/test-classes", dir).listFiles((d, name) -> name.endsWith(".class"));
        if (files == null || files.length == 0) {
            throw new IllegalStateException("test servlets not compiled in target/test-classes/" + dir);
        }
        for (File f : files) {
            war.addAsWebInfResource(f, "classes/" + dir + "/" + f.getName());
        }
        return war;
    }

    /**
     * The plugin jar, exactly the module's main output (classes, web fragment, TLD, static
     * resources), without test classes.
     */
    static JavaArchive pluginJar() {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, "lytics-servlet.jar");
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String relative = classes.relativize(f).toString().replace(File.separatorChar, '/');
                jar.addAsResource(f.toFile(), relative);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!jar.contains("META-INF/web-fragment.xml")) {
            throw new IllegalStateException("target/classes has no META-INF/web-fragment.xml");
        }
        return jar;
    }

    /**
     * A web app with the plugin and the test servlets ({@code /page}, {@code /forward}, {@code /login}).
     *
     * @param name          archive name, also the context path
     * @param contextParams the plugin configuration
     */
    static WebArchive withPlugin(String name, Map<String, String> contextParams) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> e : contextParams.entrySet()) {
            params.append("  <context-param><param-name>").append(e.getKey()).append("</param-name><param-value>")
                    .append(xml(e.getValue())).append("</param-value></context-param>\n");
        }
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + params
                + ROLE_FILTER
                + servlet("page", "PageServlet", "/page")
                + servlet("forward", "ForwardServlet", "/forward")
                + servlet("login", "LoginServlet", "/login")
                + "  <servlet-mapping><servlet-name>login</servlet-name><url-pattern>/logout</url-pattern></servlet-mapping>\n"
                + "</web-app>\n";
        return withServlets(ShrinkWrap.create(WebArchive.class, name + ".war"))
                .addAsLibrary(pluginJar())
                .addAsWebResource(new StringAsset("body{}"), "app.css")
                // the test JVM's class path holds target/classes with the same web fragment: a real
                // server's does not, so keep embedded Tomcat from scanning it (Jetty ignores this file)
                .addAsManifestResource(new StringAsset(
                        "<Context><JarScanner scanClassPath=\"false\"/></Context>"), "context.xml")
                .setWebXML(new StringAsset(webXml));
    }

    /**
     * A web app with {@code metadata-complete="true"} (so the jar's web fragment is ignored) that
     * registers the plugin in code from a listener, configured by its own {@code app.*} parameters.
     */
    static WebArchive programmatic(String name, Map<String, String> contextParams) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> e : contextParams.entrySet()) {
            params.append("  <context-param><param-name>").append(e.getKey()).append("</param-name><param-value>")
                    .append(xml(e.getValue())).append("</param-value></context-param>\n");
        }
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\"true\">\n"
                + params
                + "  <listener><listener-class>" + APP_PACKAGE + ".ProgrammaticSetup</listener-class></listener>\n"
                + servlet("page", "PageServlet", "/page")
                + "</web-app>\n";
        return withServlets(ShrinkWrap.create(WebArchive.class, name + ".war"))
                .addAsLibrary(pluginJar())
                .addAsManifestResource(new StringAsset(
                        "<Context><JarScanner scanClassPath=\"false\"/></Context>"), "context.xml")
                .setWebXML(new StringAsset(webXml));
    }

    /** A web app without the plugin: one servlet at {@code /plain}. */
    static WebArchive plain(String name) {
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n"
                + servlet("plain", "PlainServlet", "/plain")
                + "</web-app>\n";
        return withServlets(ShrinkWrap.create(WebArchive.class, name + ".war"))
                .setWebXML(new StringAsset(webXml));
    }

    private static String servlet(String name, String simpleClassName, String pattern) {
        return "  <servlet><servlet-name>" + name + "</servlet-name><servlet-class>" + APP_PACKAGE + "." + simpleClassName
                + "</servlet-class><async-supported>true</async-supported></servlet>\n"
                + "  <servlet-mapping><servlet-name>" + name + "</servlet-name><url-pattern>" + pattern
                + "</url-pattern></servlet-mapping>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
