package io.lytx.sandbox.auth;

import io.lytx.sandbox.http.Envelope;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/**
 * The v2 token endpoints: {@code GET /v2/auth?auth_type=api_token} (listing without secrets),
 * {@code GET /v2/auth/{id}}, {@code DELETE /v2/auth/{id}}. Answers use the {@code /api}
 * envelope. Thread-safe.
 */
@Path("/v2/auth")
@Produces(MediaType.APPLICATION_JSON)
public final class TokenV2Resource {

    private final TokenStore tokens;

    /**
     * The v2 token endpoints.
     *
     * @param tokens the token store; not null
     */
    public TokenV2Resource(TokenStore tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * The created tokens; an {@code auth_type} other than {@code api_token} lists nothing.
     *
     * @param authType the kind of auth to list; null lists tokens
     * @return {@code data}: the tokens
     */
    @GET
    public Response list(@QueryParam("auth_type") String authType) {
        if (authType != null && !authType.equals("api_token")) {
            return Envelope.ok(List.of());
        }
        return Envelope.ok(tokens.list());
    }

    /**
     * One token, without its secret.
     *
     * @param id the token id
     * @return {@code data}: the token; 404 when unknown
     */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return Envelope.ok(tokens.get(id).orElseThrow(() -> TokenResource.notFound(id)));
    }

    /**
     * Deletes a token; it stops working at once.
     *
     * @param id the token id
     * @return 204; 404 when unknown
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!tokens.delete(id)) {
            throw TokenResource.notFound(id);
        }
        return Envelope.noContent();
    }
}
