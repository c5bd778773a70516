package io.lytx.servlet.it.templates;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.time.Duration;
import java.util.UUID;

/**
 * Seeds the sandbox with a visitor whose profile and recommendations are hostile: a script in
 * {@code first_name}, {@code </script>}, {@code <!--} and U+2028 in {@code city}, a recommendation
 * whose title breaks out of an attribute and whose image is {@code javascript:}, and one whose URL is
 * {@code javascript:alert(1)}. The visitor is in the public segment {@value #SEGMENT}.
 */
final class HostileProfile {

    static final String SEGMENT = "vip";
    static final String FIRST_NAME = "<script>alert(1)</script>";
    static final String CITY = "a</script><!--b\u2028c\u2029d";
    static final String TITLE = "\"><img src=x onerror=alert(1)>";
    static final String SAFE_DOC = "example.org/travel-" + UUID.randomUUID();

    private static boolean seeded;

    private HostileProfile() {
    }

    /** Seeds the shared parts once (segment, documents). */
    static synchronized void seedShared(TemplateSandbox sandbox) {
        if (seeded) {
            return;
        }
        sandbox.publicSegment(SEGMENT, "FILTER tier = \"gold\" FROM user ALIAS " + SEGMENT);
        sandbox.document(Json.createObjectBuilder().add("url", "javascript:alert(1)").add("title", "evil link")
                .add("text", "travel mountains hiking travel").build());
        sandbox.document(Json.createObjectBuilder().add("url", SAFE_DOC).add("title", TITLE)
                .add("description", "<b>bold</b> trip").add("primary_image", "javascript:alert(2)")
                .add("text", "travel mountains hiking travel").build());
        seeded = true;
    }

    /** A new visitor (valid UUID v4 seerid) with the hostile profile, in segment vip; returns its id. */
    static String visitor(TemplateSandbox sandbox) {
        seedShared(sandbox);
        String id = UUID.randomUUID().toString();
        sandbox.collect(Json.createObjectBuilder().add("_uid", id).add("first_name", FIRST_NAME).add("city", CITY)
                .add("tier", "gold").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.hasProfile("_uid", id));
        // precondition: the sandbox recommends the hostile document to this visitor
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.recommendations("_uid", id).contains(SAFE_DOC));
        return id;
    }
}
