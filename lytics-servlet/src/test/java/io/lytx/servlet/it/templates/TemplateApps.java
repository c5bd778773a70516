package io.lytx.servlet.it.templates;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the web applications of the template tests: the plugin goes in as a jar in
 * {@code WEB-INF/lib} with its {@code web-fragment.xml}, its TLD and the JS helper under
 * {@code META-INF/resources/lytics/} (exactly as a user adds it), JSP pages as web resources, and the
 * configuration as context parameters.
 */
final class TemplateApps {

    /** Grants the roles named in the {@code X-Test-Role} header (the apps' stand-in security framework). */
    private static final String ROLE_FILTER = "io.lytx.servlet.it.app.TestRoleFilter";

    private TemplateApps() {
    }

    /** The plugin jar from the compiled main classes and resources. */
    static JavaArchive pluginJar() {
        JavaArchive jar = ShrinkWrap.create(JavaArchive.class, "lytics-servlet.jar");
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("io/lytx/servlet"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                jar.addAsResource(f.toFile(), classes.relativize(f).toString().replace(File.separatorChar, '/'));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jar.addAsManifestResource(classes.resolve("META-INF/web-fragment.xml").toFile(), "web-fragment.xml");
        jar.addAsManifestResource(classes.resolve("META-INF/lytics.tld").toFile(), "lytics.tld");
        jar.addAsManifestResource(helperScript().toFile(), "resources/lytics/lytics-helper.js");
        jar.addAsManifestResource(classes.resolve("META-INF/resources/lytics/lytics-tag-loader.js").toFile(),
                "resources/lytics/lytics-tag-loader.js");
        return jar;
    }

    /** The built helper: from the jar's resources when the build put it there, else from {@code tags/dist}. */
    static Path helperScript() {
        for (Path p : List.of(Path.of("target/classes/META-INF/resources/lytics/lytics-helper.js"),
                Path.of("../tags/dist/lytics-helper.js"))) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("the JS helper is not built: run the tags module first (tags/dist/lytics-helper.js)");
    }

    /**
     * A web app with the plugin, JSP pages and the configuration.
     *
     * @param name          archive name, also the context path
     * @param contextParams plugin configuration
     * @param pages         JSP file name to source
     */
    static WebArchive withPages(String name, Map<String, String> contextParams, Map<String, String> pages) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, String> e : contextParams.entrySet()) {
            params.append("  <context-param><param-name>").append(e.getKey()).append("</param-name><param-value>")
                    .append(e.getValue().replace("&", "&amp;").replace("<", "&lt;")).append("</param-value></context-param>\n");
        }
        // the stand-in security filter (roles from the X-Test-Role header) runs before the plugin's
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + params
                + "  <filter><filter-name>test-roles</filter-name><filter-class>" + ROLE_FILTER + "</filter-class></filter>\n"
                + "  <filter-mapping><filter-name>test-roles</filter-name><url-pattern>/*</url-pattern></filter-mapping>\n"
                + "</web-app>\n";
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(pluginJar())
                .setWebXML(new StringAsset(webXml));
        String roleFilter = ROLE_FILTER.replace('.', '/');
        Path dir = Path.of("target/test-classes", roleFilter).getParent();
        String simpleName = Path.of(roleFilter).getFileName().toString();
        try (Stream<Path> classes = Files.list(dir)) { // the filter and its nested classes
            for (Path c : classes.filter(p -> p.getFileName().toString().startsWith(simpleName)).toList()) {
                war.addAsWebInfResource(c.toFile(), "classes/" + roleFilter.substring(0, roleFilter.lastIndexOf('/') + 1)
                        + c.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> page : pages.entrySet()) {
            war.addAsWebResource(new StringAsset(page.getValue()), page.getKey());
        }
        return war;
    }
}
