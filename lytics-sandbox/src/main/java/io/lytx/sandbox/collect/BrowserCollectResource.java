package io.lytx.sandbox.collect;

import io.lytx.client.collect.StreamName;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.RequestBodies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JavaScript tag's browser endpoint, {@code /c/{account}[/{stream}]} (the pixel of
 * {@code c.lytics.io}), so the real Lytics JS tag can be pointed at the sandbox. Needs no token.
 *
 * <p>GET carries the serialized event as its query string; POST carries it in the form field
 * {@code _js} (the tag's transport for long events), or as a JSON object/array (as old command-line
 * tools posted). Events go to stream {@code default} unless a stream is given, and are decoded
 * with {@link JsTagQueryDecoder}. The answer is a 1x1 transparent GIF, never cached. Any account
 * id is accepted (the sandbox has one account). Thread-safe.
 */
@Path("/c/{account}")
public final class BrowserCollectResource {

    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final EventIngest ingest;

    /**
     * The resource over an ingest.
     *
     * @param ingest where accepted events go; not null
     */
    public BrowserCollectResource(EventIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    /**
     * A pixel request to the default stream.
     *
     * @param account the account id (any)
     * @param uriInfo the request URI
     * @return the GIF
     */
    @GET
    public Response pixel(@PathParam("account") String account, @Context UriInfo uriInfo) {
        return pixelTo(account, StreamName.DEFAULT, uriInfo);
    }

    /**
     * A pixel request to a stream.
     *
     * @param account the account id (any)
     * @param stream  the stream
     * @param uriInfo the request URI
     * @return the GIF
     */
    @GET
    @Path("/{stream}")
    public Response pixelTo(@PathParam("account") String account, @PathParam("stream") String stream,
                            @Context UriInfo uriInfo) {
        CollectResource.checkStream(stream);
        String query = uriInfo.getRequestUri().getRawQuery();
        accept(stream, decoded(query == null ? "" : query));
        return gif();
    }

    /**
     * A form post to the default stream.
     *
     * @param account     the account id (any)
     * @param contentType the content type
     * @param body        the body
     * @return the GIF
     */
    @POST
    public Response post(@PathParam("account") String account, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         InputStream body) {
        return postTo(account, StreamName.DEFAULT, contentType, body);
    }

    /**
     * A form post to a stream.
     *
     * @param account     the account id (any)
     * @param stream      the stream
     * @param contentType the content type: a form with {@code _js}, a raw serialized event, or JSON
     * @param body        the body
     * @return the GIF
     */
    @POST
    @Path("/{stream}")
    public Response postTo(@PathParam("account") String account, @PathParam("stream") String stream,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        CollectResource.checkStream(stream);
        String text = RequestBodies.text(body);
        if (contentType != null && CollectResource.isJson(contentType)) {
            accept(stream, JsonEventsReader.read(new StringReader(text)).events());
            return gif();
        }
        String serialized = text;
        for (String pair : text.split("&")) {
            if (pair.startsWith("_js=")) {
                try {
                    serialized = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new ApiError(400, "malformed form field _js: invalid URL encoding");
                }
                break;
            }
        }
        accept(stream, decoded(serialized));
        return gif();
    }

    /**
     * The event of a serialized tag query, or none when it is over Lytics' 4 KB limit of a single
     * record ({@link RecordLimits}; measured on the URL-encoded text, which is never smaller).
     */
    private static List<Map<String, Object>> decoded(String serialized) {
        if (serialized.length() > RecordLimits.SINGLE_BYTES) {
            return List.of();
        }
        return List.of(JsTagQueryDecoder.decode(serialized));
    }

    private void accept(String stream, List<Map<String, Object>> events) {
        List<Map<String, Object>> nonEmpty = events.stream().filter(m -> !m.isEmpty()).toList();
        EventBatch batch = EventBatch.of(ingest, stream, nonEmpty, null);
        ingest.ingest(batch.events(), false);
    }

    private static Response gif() {
        return Response.ok(PIXEL, "image/gif").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
