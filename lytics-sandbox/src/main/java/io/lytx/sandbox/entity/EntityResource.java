package io.lytx.sandbox.entity;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.domain.RequestParams;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileRenderer;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.profile.StoredProfile;
import io.lytx.sandbox.segment.Membership;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The personalization (entity) API: {@code /api/entity/{table}/{field}/{value}},
 * {@code /api/entity/{table}/{value}} (by cookie id), {@code /api/entity/{table}/segments/{field}/{value}}
 * and the token-protected alias {@code /api/me/{field}/{value}} (the public browser form
 * {@code /api/me/{account}/{seerid}} is {@link PublicEntityResource}).
 *
 * <p>Parameters: {@code fields} (list, any spelling; {@code none} = segments only),
 * {@code segments} (default true) and {@code meta} (default true). A profile that does not exist
 * is answered exactly as Lytics does: HTTP 200, {@code "message":"Not Found"},
 * {@code data = {"segments":["not_found","all"]}}. Lookups are a hash-map access plus one
 * evaluation of each user segment. Thread-safe.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public final class EntityResource {

    private final ProfileStore profiles;
    private final Membership membership;
    private final ContentCorpus corpus;
    private final ProfileVisibility visibility;

    /**
     * The resource.
     *
     * @param profiles   the profiles; not null
     * @param membership segment membership; not null
     * @param corpus     the documents (table {@code content}); not null
     * @param visibility the account's private fields, read on every call; not null
     */
    public EntityResource(ProfileStore profiles, Membership membership, ContentCorpus corpus,
                          ProfileVisibility visibility) {
        this.visibility = Objects.requireNonNull(visibility, "visibility");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * A profile by identity field.
     *
     * @param table   {@code user} or {@code content}
     * @param field   an identity field ({@code _uid}, {@code _uids}, {@code email}, {@code user_id}; for
     *                content {@code url} or {@code id})
     * @param value   the value
     * @param uriInfo the query
     * @return the entity, or the Not Found placeholder
     */
    @GET
    @Path("/entity/{table}/{field}/{value}")
    public Response byField(@PathParam("table") String table, @PathParam("field") String field,
                            @PathParam("value") String value, @Context UriInfo uriInfo,
                            @Context SecurityContext security) {
        return lookup(table, field, value, uriInfo, false, security);
    }

    /**
     * A profile by cookie id ({@code _uid}).
     *
     * @param table   the table
     * @param value   the cookie id
     * @param uriInfo the query
     * @return the entity, or the Not Found placeholder
     */
    @GET
    @Path("/entity/{table}/{value}")
    public Response byCookie(@PathParam("table") String table, @PathParam("value") String value,
                             @Context UriInfo uriInfo, @Context SecurityContext security) {
        return lookup(table, "content".equals(table) ? "url" : IdentityFields.UIDS, value, uriInfo, false, security);
    }

    /**
     * Segment memberships only.
     *
     * @param table   the table
     * @param field   an identity field
     * @param value   the value
     * @param uriInfo the query
     * @return {@code data = {segments, segments_all}}, or the Not Found placeholder
     */
    @GET
    @Path("/entity/{table}/segments/{field}/{value}")
    public Response segmentsOnly(@PathParam("table") String table, @PathParam("field") String field,
                                 @PathParam("value") String value, @Context UriInfo uriInfo,
                                 @Context SecurityContext security) {
        return lookup(table, field, value, uriInfo, true, security);
    }

    /**
     * Alias of {@code /api/entity/user/{field}/{value}} (token needed). A first segment that is an
     * account id or aid is the public form instead, served by {@link PublicEntityResource}.
     *
     * @param field   an identity field
     * @param value   the value
     * @param uriInfo the query
     * @return the entity, or the Not Found placeholder; 400 when {@code field} is not an identity field
     */
    @GET
    @Path("/me/{field}/{value}")
    public Response me(@PathParam("field") String field, @PathParam("value") String value, @Context UriInfo uriInfo,
                       @Context SecurityContext security) {
        return lookup("user", field, value, uriInfo, false, security);
    }

    private Response lookup(String table, String field, String value, UriInfo uriInfo, boolean segmentsOnly,
                            SecurityContext security) {
        var q = uriInfo.getQueryParameters();
        List<String> fields = segmentsOnly ? List.of("none") : RequestParams.list(uriInfo, "fields");
        boolean withSegments = segmentsOnly || RequestParams.bool(q.getFirst("segments"), "segments", true);
        boolean withMeta = RequestParams.bool(q.getFirst("meta"), "meta", true);
        Map<String, Object> data;
        List<String> byFields;
        if ("user".equals(table)) {
            byFields = profiles.identities().names();
            if (profiles.identities().canonical(field) == null) {
                throw new ApiError(400, "field '" + field + "' is not an identity field of table user; use one of "
                        + byFields + " (or _uid)");
            }
            Optional<StoredProfile> p = profiles.find(field, value);
            if (p.isEmpty()) {
                return notFound();
            }
            Map<String, Object> f = p.get().fields();
            Membership.Memberships m = withSegments ? membership.of(f) : null;
            data = EntityWire.of(ProfileRenderer.render(f, fields, m == null ? null : m.slugs(), m == null ? null : m.ids()));
            if (!maySeePrivate(security)) {
                data.keySet().removeAll(visibility.privateFields());
            }
        } else if ("content".equals(table)) {
            byFields = List.of("url", "id");
            Optional<Document> d = switch (field) {
                case "url" -> corpus.findByUrl(value);
                case "id", "hashedurl" -> corpus.findById(value);
                default -> throw new ApiError(400, "field '" + field + "' is not an identity field of table content; use url or id");
            };
            if (d.isEmpty()) {
                return notFound();
            }
            Membership.Memberships m = withSegments ? membership.ofDocument(d.get()) : null;
            data = ProfileRenderer.render(d.get().toWire(), fields, m == null ? null : m.slugs(), m == null ? null : m.ids());
        } else {
            throw new ApiError(404, "unknown table '" + table + "': use user or content");
        }
        Map<String, Object> body = Envelope.body(data, "success", 200);
        if (withMeta) {
            body.put("meta", meta(table, byFields));
        }
        return Envelope.json(200, body);
    }

    /**
     * Whether the caller may see the account's private fields: the roles Lytics names for PII
     * (Admin, Data Manager, User Search; docs.lytics.com {@code account-users}).
     */
    private static boolean maySeePrivate(SecurityContext security) {
        return security != null && (security.isUserInRole("admin") || security.isUserInRole("data_manager")
                || security.isUserInRole("user_search"));
    }

    /**
     * The {@code data} of Lytics' answer for an unknown visitor.
     *
     * @return a new map {@code {"segments":["not_found","all"]}}
     */
    static Map<String, Object> notFoundData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("segments", List.of("not_found", "all"));
        return data;
    }

    /** Lytics' placeholder exactly as published ([SK] lytics-profiles/lookup.md): no {@code meta}. */
    private static Response notFound() {
        return Envelope.json(200, Envelope.body(notFoundData(), "Not Found", 200));
    }

    private static Map<String, Object> meta(String table, List<String> byFields) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", table);
        meta.put("format", "json");
        meta.put("by_fields", byFields);
        return meta;
    }
}
