package io.lytx.sandbox.admin;

import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox's control endpoints (admin token only, enforced by the filters):
 * {@code GET/DELETE /_sandbox/stats}, {@code GET/PUT/DELETE /_sandbox/faults},
 * {@code POST /_sandbox/reset}. Thread-safe.
 */
@Path("/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
public final class SandboxResource {

    private final RequestStats stats;
    private final FaultTable faults;
    private final Runnable reset;

    /**
     * The control endpoints.
     *
     * @param stats  the request counters; not null
     * @param faults the injected faults; not null
     * @param reset  brings the whole sandbox back to its initial state; not null
     */
    public SandboxResource(RequestStats stats, FaultTable faults, Runnable reset) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.reset = Objects.requireNonNull(reset, "reset");
    }

    /**
     * The request counts per route since start or the last reset.
     *
     * @return {@code data}: route → count
     */
    @GET
    @Path("stats")
    public Response stats() {
        return Envelope.ok(stats.snapshot());
    }

    /**
     * Sets the request counts back to zero.
     *
     * @return 204
     */
    @DELETE
    @Path("stats")
    public Response resetStats() {
        stats.reset();
        return Envelope.noContent();
    }

    /**
     * The injected faults.
     *
     * @return {@code data}: the faults
     */
    @GET
    @Path("faults")
    public Response faults() {
        return Envelope.ok(faults.list().stream().map(Fault::toJson).toList());
    }

    /**
     * Adds or replaces the fault of one route.
     *
     * @param body the fault as JSON (see {@link Fault#fromJson})
     * @return {@code data}: the stored fault
     */
    @PUT
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response putFault(InputStream body) {
        Fault fault = Fault.fromJson(JsonInput.parseObject(body));
        faults.put(fault);
        return Envelope.ok(fault.toJson());
    }

    /**
     * Clears one route's fault ({@code ?route=}) or all of them.
     *
     * @param route the route key, or null for all
     * @return 204; 404 when the route had no fault
     */
    @DELETE
    @Path("faults")
    public Response clearFaults(@QueryParam("route") String route) {
        if (route == null) {
            faults.clear();
        } else if (!faults.remove(route)) {
            throw new ApiError(404, "no fault is set on route \"" + route + "\"");
        }
        return Envelope.noContent();
    }

    /**
     * Brings the sandbox back to its initial state: created tokens, settings, collected data,
     * segments, stats, faults and the journal are cleared; demo data (when on) is loaded again.
     *
     * @return {@code data}: {@code {"reset":true}}
     */
    @POST
    @Path("reset")
    public Response reset() {
        reset.run();
        return Envelope.ok(Map.of("reset", true, "cleared", List.of("tokens", "settings", "data", "stats", "faults")));
    }
}
