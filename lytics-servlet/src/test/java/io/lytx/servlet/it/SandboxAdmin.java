package io.lytx.servlet.it;

import io.lytx.sandbox.LyticsSandbox;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** The sandbox's control endpoints and API as the tests use them (admin token). */
final class SandboxAdmin {

    static final String ENTITY_ROUTE = "GET /api/entity/{table}/{field}/{value}";

    private final LyticsSandbox sandbox;

    SandboxAdmin(LyticsSandbox sandbox) {
        this.sandbox = sandbox;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(sandbox.baseUri().resolve(path)).header("Authorization", sandbox.adminToken());
    }

    /** Request count of one route since the last {@link #resetStats()}. */
    long count(String route) {
        HttpResponse<String> r = Http.send(request("_sandbox/stats").GET().build());
        JsonObject data = Json.createReader(new StringReader(r.body())).readObject().getJsonObject("data");
        JsonValue v = data == null ? null : data.get(route);
        return v instanceof JsonNumber n ? n.longValue() : 0;
    }

    void resetStats() {
        Http.send(request("_sandbox/stats").DELETE().build());
    }

    void putFault(String json) {
        HttpResponse<String> r = Http.send(request("_sandbox/faults").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("fault not accepted: " + r.statusCode() + " " + r.body());
        }
    }

    void clearFaults() {
        Http.send(request("_sandbox/faults").DELETE().build());
    }

    /** The raw entity answer for a user looked up by field and value. */
    JsonObject entity(String field, String value) {
        String path = "api/entity/user/" + field + "/" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        HttpResponse<String> r = Http.send(request(path).GET().build());
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    /** Whether the sandbox has a profile for the identity. */
    boolean hasProfile(String field, String value) {
        JsonObject e = entity(field, value);
        return !"Not Found".equalsIgnoreCase(e.getString("message", ""));
    }

    URI baseUri() {
        return sandbox.baseUri();
    }

    String token() {
        return sandbox.adminToken();
    }
}
