package io.lytx.sandbox.segment;

import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.domain.RequestParams;
import io.lytx.sandbox.filterql.Expr;
import io.lytx.sandbox.filterql.ParsedSegment;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.RequestBodies;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import io.lytx.sandbox.entity.EntityWire;
import io.lytx.sandbox.profile.ProfileRenderer;
import io.lytx.sandbox.profile.StoredProfile;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The segmentation API ({@code /api/segment...}): list, get by id or slug, create/upsert from
 * FilterQL text or JSON, update, delete (one or a batch), validate, sizes, the throttled ad-hoc
 * size, and scans with an opaque cursor (saved or ad hoc). Thread-safe.
 */
@Path("/api/segment")
@Produces(MediaType.APPLICATION_JSON)
public final class SegmentResource {

    /** The largest scan page. */
    public static final int MAX_SCAN_LIMIT = 100;

    private final SegmentRegistry registry;
    private final SegmentService service;
    private final Membership membership;
    private final ContentCorpus corpus;
    private final SizeThrottle throttle;
    private final String accountId;

    /**
     * The resource.
     *
     * @param registry   the segments; not null
     * @param service    the write side; not null
     * @param membership the evaluator; not null
     * @param corpus     the documents (content segments); not null
     * @param throttle   the ad-hoc size throttle; not null
     * @param accountId  the account id written on segments; not null
     */
    public SegmentResource(SegmentRegistry registry, SegmentService service, Membership membership,
                           ContentCorpus corpus, SizeThrottle throttle, String accountId) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.service = Objects.requireNonNull(service, "service");
        this.membership = Objects.requireNonNull(membership, "membership");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    /**
     * Lists segments.
     *
     * @param table {@code user} (default), {@code content}, or {@code all}
     * @param valid {@code true}, {@code false} or {@code all} (default)
     * @return the segments, oldest first
     */
    @GET
    public Response list(@QueryParam("table") String table, @QueryParam("valid") String valid) {
        String t = table == null || table.isBlank() ? "user" : table.toLowerCase(Locale.ROOT);
        String v = valid == null || valid.isBlank() ? "all" : valid.toLowerCase(Locale.ROOT);
        if (!List.of("true", "false", "all").contains(v)) {
            throw new ApiError(400, "parameter valid must be true, false or all, was '" + valid + "'");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Segment s : t.equals("all") ? registry.all() : registry.ofTable(t)) {
            String reason = membership.invalidReason(s);
            if (v.equals("all") || v.equals("true") == reason.isEmpty()) {
                out.add(s.toWire(accountId, reason));
            }
        }
        return Envelope.ok(out);
    }

    /**
     * One segment.
     *
     * @param idOrSlug its id or slug
     * @return the segment; 404 when unknown
     */
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String idOrSlug) {
        Segment s = find(idOrSlug);
        return Envelope.ok(s.toWire(accountId, membership.invalidReason(s)));
    }

    /**
     * Creates or updates (by slug) a segment from FilterQL text ({@code text/plain}, named by
     * {@code ALIAS}) or JSON.
     *
     * @param contentType the body's type
     * @param body        the body
     * @return the segment, 201 when created, 200 when an existing slug was updated
     */
    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        byte[] bytes = RequestBodies.bytes(body);
        Set<String> idsBefore = new HashSet<>(registry.all().stream().map(Segment::id).toList());
        Segment s;
        if (isJson(contentType, bytes)) {
            s = service.upsertJson(object(bytes));
        } else {
            checkText(contentType);
            s = service.upsertText(new String(bytes, StandardCharsets.UTF_8));
        }
        boolean existedBefore = idsBefore.contains(s.id());
        return Envelope.status(existedBefore ? 200 : 201, s.toWire(accountId, membership.invalidReason(s)));
    }

    /**
     * Updates a segment from JSON.
     *
     * @param idOrSlug    the segment
     * @param contentType the body's type (JSON)
     * @param body        the changed fields
     * @return the segment
     */
    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") String idOrSlug, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           InputStream body) {
        byte[] bytes = RequestBodies.bytes(body);
        if (!isJson(contentType, bytes)) {
            throw new ApiError(415, "unsupported content type '" + contentType + "': PUT /api/segment takes application/json");
        }
        Segment s = service.update(idOrSlug, object(bytes));
        return Envelope.ok(s.toWire(accountId, membership.invalidReason(s)));
    }

    /**
     * Deletes one segment.
     *
     * @param idOrSlug the segment
     * @return 204
     */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String idOrSlug) {
        service.delete(List.of(idOrSlug));
        return Envelope.noContent();
    }

    /**
     * Deletes several segments ({@code ?ids=}), all or none.
     *
     * @param uriInfo the query
     * @return 204
     */
    @DELETE
    public Response deleteBatch(@Context UriInfo uriInfo) {
        service.delete(RequestParams.list(uriInfo, "ids"));
        return Envelope.noContent();
    }

    /**
     * Validates FilterQL text.
     *
     * @param body the text
     * @return {@code data: null} when valid; 400 {@code Failed parsing segment QL: ...} otherwise
     */
    @POST
    @Path("/validate")
    public Response validate(InputStream body) {
        String ql = RequestBodies.text(body);
        try {
            SegmentService.parse(ql);
        } catch (ApiError e) {
            throw new ApiError(400, "Failed parsing segment QL: " + e.getMessage().replaceFirst("^Invalid SegmentQL: ", ""));
        }
        return Envelope.ok(null);
    }

    /**
     * Sizes of saved segments.
     *
     * @param uriInfo the query ({@code ids}, any spelling)
     * @return {@code [{id,name,slug_name,size}]}
     */
    @GET
    @Path("/sizes")
    public Response sizes(@Context UriInfo uriInfo) {
        List<String> ids = RequestParams.list(uriInfo, "ids");
        List<Segment> segments = new ArrayList<>();
        for (String id : ids.isEmpty() ? registry.all().stream().map(Segment::id).toList() : ids) {
            segments.add(find(id));
        }
        List<Segment> userSegments = segments.stream().filter(s -> !isContent(s)).toList();
        long[] userCounts = membership.countMembers(userSegments);
        List<Map<String, Object>> out = new ArrayList<>();
        int user = 0;
        for (Segment s : segments) {
            out.add(sizeEntry(s, isContent(s) ? contentSize(s) : userCounts[user++]));
        }
        return Envelope.ok(out);
    }

    /**
     * The size of one saved segment.
     *
     * @param idOrSlug the segment
     * @return {@code {id,name,slug_name,size}}
     */
    @GET
    @Path("/{id}/size")
    public Response size(@PathParam("id") String idOrSlug) {
        return Envelope.ok(sizeOf(find(idOrSlug)));
    }

    /**
     * Alias of {@link #size}.
     *
     * @param idOrSlug the segment
     * @return {@code {id,name,slug_name,size}}
     */
    @GET
    @Path("/{id}/sizes")
    public Response sizeAlias(@PathParam("id") String idOrSlug) {
        return size(idOrSlug);
    }

    /**
     * The size of an ad-hoc FilterQL text (not saved); at most one call per 10 seconds.
     *
     * @param body the text
     * @return {@code {id:"",name,slug_name,size}}; 429 with {@code Retry-After} when throttled
     */
    @POST
    @Path("/size")
    public Response adHocSize(InputStream body) {
        return adHocSizeOf(RequestBodies.text(body));
    }

    /**
     * The size of an ad-hoc FilterQL given as {@code ?segments=}; throttled like the POST.
     *
     * @param ql the text
     * @return as {@link #adHocSize}
     */
    @GET
    @Path("/size")
    public Response adHocSizeGet(@QueryParam("segments") String ql) {
        return adHocSizeOf(ql);
    }

    /**
     * Scans a saved segment's members.
     *
     * @param idOrSlug the segment
     * @param limit    page size, default 10, capped at 100
     * @param start    the cursor from the previous page's {@code _next}
     * @param uriInfo  the query ({@code fields})
     * @return the page with {@code _next} (empty at the end) and {@code total}
     */
    @GET
    @Path("/{id}/scan")
    public Response scan(@PathParam("id") String idOrSlug, @QueryParam("limit") String limit,
                         @QueryParam("start") String start, @Context UriInfo uriInfo) {
        Segment s = find(idOrSlug);
        int n = RequestParams.intParam(limit, "limit", 10, 1, MAX_SCAN_LIMIT);
        long after = ScanCursor.decode(start);
        List<String> fields = RequestParams.list(uriInfo, "fields");
        if (s.table().equals("content")) {
            return scanDocuments(s.parsed().filter(), n, after, fields);
        }
        return scanProfiles(s.parsed().filter(), n, after, fields);
    }

    /**
     * Scans an ad-hoc FilterQL (text body, or {@code ?segments=}).
     *
     * @param segments the text as a parameter
     * @param limit    page size
     * @param start    the cursor
     * @param uriInfo  the query
     * @param body     the text as the body
     * @return the page
     */
    @POST
    @Path("/scan")
    public Response adHocScan(@QueryParam("segments") String segments, @QueryParam("limit") String limit,
                              @QueryParam("start") String start, @Context UriInfo uriInfo, InputStream body) {
        String text = RequestBodies.text(body);
        String ql = text.isBlank() ? segments : text;
        ParsedSegment parsed = SegmentService.parse(ql);
        int n = RequestParams.intParam(limit, "limit", 10, 1, MAX_SCAN_LIMIT);
        long after = ScanCursor.decode(start);
        List<String> fields = RequestParams.list(uriInfo, "fields");
        return "content".equals(parsed.table()) ? scanDocuments(parsed.filter(), n, after, fields)
                : scanProfiles(parsed.filter(), n, after, fields);
    }

    /**
     * The GET form of {@link #adHocScan}, with the text in {@code ?segments=}.
     *
     * @param segments the text
     * @param limit    page size
     * @param start    the cursor
     * @param uriInfo  the query
     * @return the page
     */
    @GET
    @Path("/scan")
    public Response adHocScanGet(@QueryParam("segments") String segments, @QueryParam("limit") String limit,
                                 @QueryParam("start") String start, @Context UriInfo uriInfo) {
        return adHocScan(segments, limit, start, uriInfo, InputStream.nullInputStream());
    }

    private Response scanProfiles(Expr filter, int limit, long after, List<String> fields) {
        List<StoredProfile> page = membership.members(filter, after).limit(limit + 1L).toList();
        long total = membership.members(filter, 0).count();
        boolean more = page.size() > limit;
        List<StoredProfile> items = more ? page.subList(0, limit) : page;
        List<Map<String, Object>> data = new ArrayList<>();
        for (StoredProfile p : items) {
            Membership.Memberships m = membership.of(p.fields());
            data.add(EntityWire.of(ProfileRenderer.render(p.fields(), fields, m.slugs(), m.ids())));
        }
        String next = more ? ScanCursor.encode(items.get(items.size() - 1).seq()) : "";
        return Envelope.page(data, next, total);
    }

    private Response scanDocuments(Expr filter, int limit, long after, List<String> fields) {
        List<Document> members = corpus.all().stream()
                .sorted(Comparator.comparing(Document::created).thenComparing(Document::url))
                .filter(d -> membership.matches(filter, d.toWire())).toList();
        int from = (int) Math.min(after, members.size());
        int to = Math.min(from + limit, members.size());
        List<Map<String, Object>> data = new ArrayList<>();
        for (Document d : members.subList(from, to)) {
            Map<String, Object> wire = d.toWire();
            if (!fields.isEmpty()) {
                wire.keySet().retainAll(fields);
            }
            data.add(wire);
        }
        return Envelope.page(data, to < members.size() ? ScanCursor.encode(to) : "", members.size());
    }

    private Response adHocSizeOf(String ql) {
        ParsedSegment parsed = SegmentService.parse(ql);
        OptionalLong wait = throttle.tryAcquire();
        if (wait.isPresent()) {
            return Response.fromResponse(Envelope.error(429,
                            "Too many requests: the ad-hoc segment size allows 1 call per 10 seconds; retry in "
                                    + wait.getAsLong() + " s"))
                    .header(HttpHeaders.RETRY_AFTER, wait.getAsLong()).build();
        }
        long size = "content".equals(parsed.table())
                ? corpus.all().stream().filter(d -> membership.matches(parsed.filter(), d.toWire())).count()
                : membership.members(parsed.filter(), 0).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "");
        m.put("name", parsed.name() != null ? parsed.name() : parsed.alias() != null ? parsed.alias() : "");
        m.put("slug_name", parsed.alias() != null ? parsed.alias() : "");
        m.put("size", size);
        return Envelope.ok(m);
    }

    private Map<String, Object> sizeOf(Segment s) {
        return sizeEntry(s, isContent(s) ? contentSize(s) : membership.members(s, 0).count());
    }

    private static boolean isContent(Segment s) {
        return s.table().equals("content");
    }

    private long contentSize(Segment s) {
        return corpus.all().stream().filter(membership.documentTest(s)).count();
    }

    private static Map<String, Object> sizeEntry(Segment s, long size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("slug_name", s.slug());
        m.put("size", size);
        return m;
    }

    private Segment find(String idOrSlug) {
        return registry.find(idOrSlug).orElseThrow(() -> new ApiError(404, "segment not found: " + idOrSlug));
    }

    private static boolean isJson(String contentType, byte[] body) {
        if (contentType == null || contentType.isBlank()) {
            String t = new String(body, StandardCharsets.UTF_8).stripLeading();
            return t.startsWith("{");
        }
        return contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    private static void checkText(String contentType) {
        if (contentType != null && !contentType.isBlank()
                && !contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            throw new ApiError(415, "unsupported content type '" + contentType
                    + "': send FilterQL as text/plain or a segment as application/json");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(byte[] bytes) {
        Object v = JsonInput.parse(new ByteArrayInputStream(bytes));
        if (!(v instanceof Map)) {
            throw new ApiError(400, "expected a JSON object, got " + JsonInput.typeName(v));
        }
        return (Map<String, Object>) v;
    }
}
