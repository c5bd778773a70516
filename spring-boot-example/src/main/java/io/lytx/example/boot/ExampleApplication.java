package io.lytx.example.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot site personalized by {@code lytics-spring-boot-starter}: the dependency and
 * {@code application.yml} are all the Lytics set-up it has. Without {@code LYTICS_API_URL} it starts the
 * embedded Lytics sandbox with its demo data ({@link EmbeddedSandbox}).
 */
@SpringBootApplication
public class ExampleApplication {

    /** Starts the site ({@code SERVER_PORT}, default 8080). */
    public static void main(String[] args) {
        application().run(args);
    }

    /** The application as {@link #main} runs it: this site and, without a configured Lytics, the sandbox. */
    static SpringApplication application() {
        SpringApplication app = new SpringApplication(ExampleApplication.class);
        app.addInitializers(new EmbeddedSandbox());
        return app;
    }
}
