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
        String webXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n" + params + "</web-app>\n";
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(pluginJar())
                .setWebXML(new StringAsset(webXml));
        for (Map.Entry<String, String> page : pages.entrySet()) {
            war.addAsWebResource(new StringAsset(page.getValue()), page.getKey());
        }
        return war;
    }
}
