package io.lytx.sandbox.http;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.URISyntaxException;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * Grizzly's error page for errors raised before a request reaches Jersey (so before routing and
 * before the {@link ErrorMapper}): the same JSON envelope as every other error,
 * {@code {"data":null,"message":...,"status":...}} as {@code application/json}, never Grizzly's
 * HTML page with a stack trace. A request URI Java cannot parse (a raw {@code <} or space in the
 * query, which Jersey turns into a {@link URISyntaxException}) is a 400 naming what is wrong and
 * where, without echoing the URI; any other failure keeps its status with its reason phrase.
 * Stateless and thread-safe.
 */
public final class EnvelopeErrorPage implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        int code = status;
        String message = reasonPhrase == null || reasonPhrase.isBlank() ? "HTTP " + status : reasonPhrase;
        URISyntaxException bad = uriProblem(exception);
        if (bad != null) {
            code = 400;
            message = "Bad request: the request URI is not a valid URI (" + bad.getReason()
                    + (bad.getIndex() >= 0 ? " at index " + bad.getIndex() : "")
                    + "); percent-encode characters such as < > \" { } | \\ ^ ` and spaces";
        } else if (exception != null) {
            message = "Internal Server Error: " + exception.getClass().getSimpleName();
        }
        request.getResponse().setStatus(code);
        request.getResponse().setContentType("application/json;charset=UTF-8");
        return Json.createObjectBuilder().add("data", JsonValue.NULL).add("message", message).add("status", code)
                .build().toString();
    }

    private static URISyntaxException uriProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof URISyntaxException u) {
                return u;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
