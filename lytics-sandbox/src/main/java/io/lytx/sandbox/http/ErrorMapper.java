package io.lytx.sandbox.http;

import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns every exception into the Lytics error envelope with a message that says what was wrong
 * and where: {@link ApiError} as given; unknown route 404, wrong method 405 (with {@code Allow}),
 * wrong content type 415, unacceptable {@code Accept} 406, malformed JSON 400 with line and
 * column, any other {@link WebApplicationException} with its status; anything unexpected is a
 * 500 (logged, without details to the client). Thread-safe.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(ErrorMapper.class.getName());
    private static final int MAX_CAUSES = 16;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        ApiError api = find(e, ApiError.class);
        if (api != null) {
            return Envelope.error(api.status(), api.getMessage());
        }
        JsonParsingException json = find(e, JsonParsingException.class);
        if (json != null) {
            var loc = json.getLocation();
            return Envelope.error(400, loc == null ? "malformed JSON: " + json.getMessage()
                    : "malformed JSON at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ": "
                    + json.getMessage());
        }
        if (e instanceof NotFoundException nf) {
            return Envelope.error(404, custom(nf) ? nf.getMessage()
                    : "Not Found: no API route " + request.getMethod() + " /" + uriInfo.getPath());
        }
        if (e instanceof NotAllowedException na) {
            Set<String> allowed = new TreeSet<>(na.getResponse().getAllowedMethods());
            Response r = Envelope.error(405, "Method Not Allowed: " + request.getMethod() + " is not supported on /"
                    + uriInfo.getPath() + "; allowed: " + String.join(", ", allowed));
            return Response.fromResponse(r).allow(allowed).build();
        }
        if (e instanceof NotSupportedException) {
            String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
            return Envelope.error(415, "Unsupported Media Type: " + (type == null ? "no Content-Type" : type)
                    + " is not accepted by " + request.getMethod() + " /" + uriInfo.getPath()
                    + " (send application/json, or the type the endpoint documents)");
        }
        if (e instanceof NotAcceptableException) {
            return Envelope.error(406, "Not Acceptable: /" + uriInfo.getPath() + " answers application/json");
        }
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status >= 400) {
                String reason = wae.getResponse().getStatusInfo().getReasonPhrase();
                return Envelope.error(status, custom(wae) ? wae.getMessage() : (reason == null ? "error" : reason)
                        + " on " + request.getMethod() + " /" + uriInfo.getPath());
            }
            return wae.getResponse();
        }
        LOG.log(System.Logger.Level.ERROR, "unexpected error on " + request.getMethod() + " /" + uriInfo.getPath(), e);
        return Envelope.error(500, "internal sandbox error (" + e.getClass().getSimpleName() + ") on "
                + request.getMethod() + " /" + uriInfo.getPath());
    }

    private static boolean custom(WebApplicationException e) {
        String m = e.getMessage();
        return m != null && !m.startsWith("HTTP ");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < MAX_CAUSES; i++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
