package io.lytx.sandbox.manage;

import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Objects;

/**
 * {@code /api/account/setting}: list, and per slug GET, PUT (body = the raw JSON value, e.g.
 * {@code ["10.0.0.0/8"]}) and DELETE (204). Thread-safe.
 */
@Path("/api/account/setting")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {

    private final SettingsStore settings;

    /**
     * The settings endpoints.
     *
     * @param settings the store; not null
     */
    public SettingsResource(SettingsStore settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Every setting.
     *
     * @return {@code data}: the settings
     */
    @GET
    public Response list() {
        return Envelope.ok(settings.list());
    }

    /**
     * One setting.
     *
     * @param slug the slug
     * @return {@code data}: the setting, its value at {@code value}
     */
    @GET
    @Path("{slug}")
    public Response get(@PathParam("slug") String slug) {
        return Envelope.ok(settings.get(slug));
    }

    /**
     * Sets a setting to a raw JSON value.
     *
     * @param slug the slug
     * @param body the JSON value
     * @return {@code data}: the setting after the change
     */
    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("slug") String slug, InputStream body) {
        settings.get(slug); // 404 before reading a body for an unknown slug
        return Envelope.ok(settings.put(slug, JsonInput.parse(body)));
    }

    /**
     * Clears a setting.
     *
     * @param slug the slug
     * @return 204
     */
    @DELETE
    @Path("{slug}")
    public Response delete(@PathParam("slug") String slug) {
        settings.delete(slug);
        return Envelope.noContent();
    }
}
