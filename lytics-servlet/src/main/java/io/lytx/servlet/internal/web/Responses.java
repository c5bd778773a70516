package io.lytx.servlet.internal.web;

import io.lytx.client.internal.Jsonp;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes the endpoints' JSON answers (never cached, never sniffed). Stateless. */
final class Responses {

    private Responses() {
    }

    static void json(HttpServletResponse res, int status, String json, boolean body) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "private, no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setContentLength(bytes.length);
        if (body) {
            res.getOutputStream().write(bytes);
        }
    }

    static void error(HttpServletResponse res, int status, String message) throws IOException {
        json(res, status, io.lytx.servlet.internal.bootstrap.ScriptJson.write(
                Jsonp.PROVIDER.createObjectBuilder().add("status", status).add("error", message).build()), true);
    }

    static void methodNotAllowed(HttpServletResponse res, String allow) throws IOException {
        res.setHeader("Allow", allow);
        error(res, 405, "method not allowed; use " + allow);
    }
}
