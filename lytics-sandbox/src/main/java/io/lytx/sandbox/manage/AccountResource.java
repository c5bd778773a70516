package io.lytx.sandbox.manage;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;

/** {@code GET /api/account} and {@code GET /api/account/{id|aid|current}}. Thread-safe. */
@Path("/api/account")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountResource {

    private final AccountInfo account;

    /**
     * The account endpoints.
     *
     * @param account the sandbox's account; not null
     */
    public AccountResource(AccountInfo account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * The accounts the token reaches (just the sandbox's).
     *
     * @return {@code data}: one account
     */
    @GET
    public Response list() {
        return Envelope.ok(List.of(account.toJson()));
    }

    /**
     * One account.
     *
     * @param id the account id, its numeric aid, or {@code current}
     * @return {@code data}: the account; 404 for another id
     */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        if (!account.isNamedBy(id)) {
            throw new ApiError(404, "account \"" + id + "\" not found");
        }
        return Envelope.ok(account.toJson());
    }
}
