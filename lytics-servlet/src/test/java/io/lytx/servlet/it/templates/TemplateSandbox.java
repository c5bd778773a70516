package io.lytx.servlet.it.templates;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxOptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Lytics sandbox of the template tests (one per test JVM, 127.0.0.1, free port, no demo data),
 * with the calls that seed hostile profiles, segments and documents through its real HTTP API.
 * Stopped by a shutdown hook: undeploy flushes events into it after the test classes end.
 */
final class TemplateSandbox {

    private static TemplateSandbox instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LyticsSandbox sandbox;

    private TemplateSandbox(LyticsSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static synchronized TemplateSandbox get() {
        if (instance == null) {
            LyticsSandbox s = LyticsSandbox.start(SandboxOptions.defaults().withHost("127.0.0.1").withPort(0)
                    .withDemoData(false));
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "template-sandbox-stop"));
            instance = new TemplateSandbox(s);
        }
        return instance;
    }

    URI baseUri() {
        return sandbox.baseUri();
    }

    String token() {
        return sandbox.adminToken();
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return CLIENT.send(b.header("Authorization", sandbox.adminToken()).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject post(String path, String contentType, String body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** Collects one event (a JSON object) into the default stream: creates or updates a profile. */
    void collect(JsonObject event) {
        post("collect/json/default", "application/json", event.toString());
    }

    /** Creates (or updates) a public segment. */
    void publicSegment(String slug, String filterQl) {
        post("api/segment", "application/json", Json.createObjectBuilder().add("name", slug).add("slug_name", slug)
                .add("is_public", true).add("segment_ql", filterQl).build().toString());
    }

    /** Adds a document to the content corpus. */
    void document(JsonObject doc) {
        post("api/content/doc/classify", "application/json", doc.toString());
    }

    /** The raw entity answer of a user. */
    JsonObject entity(String field, String value) {
        String path = "api/entity/user/" + field + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path)).GET());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** The raw recommendation answer for a user (the body as text; empty when the sandbox has none). */
    String recommendations(String field, String value) {
        String path = "api/content/recommend/user/" + field + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                + "?limit=10";
        return send(HttpRequest.newBuilder(sandbox.baseUri().resolve(path)).GET()).body();
    }

    /** The route of the per-visitor recommendation call, as the sandbox's faults and stats name it. */
    static final String RECOMMEND_ROUTE = "GET /api/content/recommend/user/{field}/{value}";

    /** Injects a fault (the sandbox's fault JSON, e.g. a hang of one route). */
    void putFault(String json) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandbox.baseUri().resolve("_sandbox/faults"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("fault not accepted: " + r.statusCode() + " " + r.body());
        }
    }

    /** Removes every fault (releasing the requests that hang). */
    void clearFaults() {
        send(HttpRequest.newBuilder(sandbox.baseUri().resolve("_sandbox/faults")).DELETE());
    }

    /** Request count of one route since the sandbox started or its stats were reset. */
    long count(String route) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(sandbox.baseUri().resolve("_sandbox/stats")).GET());
        JsonObject data = Json.createReader(new StringReader(r.body())).readObject().getJsonObject("data");
        return data != null && data.get(route) instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
    }

    /** Whether the sandbox has a profile for the identity. */
    boolean hasProfile(String field, String value) {
        return !"Not Found".equalsIgnoreCase(entity(field, value).getString("message", ""));
    }
}
