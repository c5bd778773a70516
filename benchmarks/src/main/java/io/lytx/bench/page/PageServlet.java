package io.lytx.bench.page;

import io.lytx.servlet.LyticsContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An article page of about 4 KB that personalizes one block: it reads the visitor's status, one
 * segment and one field from {@link LyticsContext} (with the plugin disabled these answer at once
 * from the inactive context). Thread-safe (stateless).
 */
final class PageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String FILLER = "<p>" + "Green tea is brewed from the leaves of Camellia sinensis. ".repeat(60)
            + "</p>";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        LyticsContext lytics = LyticsContext.of(req);
        String greeting = lytics.inSegment("vip") ? "Welcome back, " + lytics.field("first_name") : "Welcome";
        String body = "<!doctype html><html><head><title>Green tea</title></head><body><h1>" + greeting
                + "</h1><p class=\"status\">" + lytics.getStatus() + "</p>" + FILLER + "</body></html>";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
