package io.lytx.sandbox.catalog;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.domain.RequestParams;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.profile.ProfileStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The catalog API: {@code /api/schema}, {@code /api/schema/{table}},
 * {@code /api/schema/{table}/fieldinfo} and {@code /api/schema/_streams}. Thread-safe.
 */
@Path("/api/schema")
@Produces(MediaType.APPLICATION_JSON)
public final class SchemaResource {

    private final SchemaBuilder schemas;
    private final StreamCatalog streams;
    private final ProfileStore profiles;
    private final ContentCorpus corpus;

    /**
     * The resource.
     *
     * @param schemas  the schema builder; not null
     * @param streams  the stream catalog; not null
     * @param profiles the profiles (user fieldinfo); not null
     * @param corpus   the documents (content fieldinfo); not null
     */
    public SchemaResource(SchemaBuilder schemas, StreamCatalog streams, ProfileStore profiles, ContentCorpus corpus) {
        this.schemas = Objects.requireNonNull(schemas, "schemas");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * Every table's schema.
     *
     * @return table name to schema
     */
    @GET
    public Response all() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String t : SchemaBuilder.TABLES) {
            out.put(t, schemas.schema(t));
        }
        return Envelope.ok(out);
    }

    /**
     * The streams and the fields seen on each.
     *
     * @return the stream list
     */
    @GET
    @Path("/_streams")
    public Response streams() {
        return Envelope.ok(streams.toWire());
    }

    /**
     * One table's schema.
     *
     * @param table {@code user} or {@code content}
     * @return {@code {name, by_fields, fields:[column]}}; 404 for an unknown table
     */
    @GET
    @Path("/{table}")
    public Response table(@PathParam("table") String table) {
        Map<String, Object> s = schemas.schema(table);
        if (s == null) {
            throw new ApiError(404, "unknown table '" + table + "': use user or content");
        }
        return Envelope.ok(s);
    }

    /**
     * Term counts and statistics of a table's fields.
     *
     * @param table   {@code user} or {@code content}
     * @param limit   top terms per field (default 20, max 1000)
     * @param uriInfo the query ({@code fields}, any spelling)
     * @return {@code {table, fields:[fieldinfo]}}
     */
    @GET
    @Path("/{table}/fieldinfo")
    public Response fieldInfo(@PathParam("table") String table, @QueryParam("limit") String limit,
                              @Context UriInfo uriInfo) {
        FieldInfoCalculator calc = new FieldInfoCalculator(RequestParams.list(uriInfo, "fields"),
                RequestParams.intParam(limit, "limit", 20, 1, 1000));
        if ("user".equals(table)) {
            profiles.scan(0).forEach(p -> calc.add(p.fields()));
        } else if ("content".equals(table)) {
            for (Document d : corpus.all()) {
                calc.add(d.toWire());
            }
        } else {
            throw new ApiError(404, "unknown table '" + table + "': use user or content");
        }
        return Envelope.ok(calc.result(table));
    }
}
