package io.lytx.sandbox.content;

import io.lytx.sandbox.domain.RequestParams;
import io.lytx.sandbox.entity.PublicEntityResource;
import io.lytx.sandbox.http.ApiError;
import io.lytx.sandbox.http.RequestBodies;
import io.lytx.sandbox.http.Envelope;
import io.lytx.sandbox.http.JsonInput;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The content API: recommendations by user and by segment, documents, classification, topics and
 * the taxonomy ({@code /api/content/...}). List parameters ({@code urls}, {@code ids},
 * {@code topics}) accept the five spellings. Thread-safe.
 */
@Path("/api/content")
@Produces(MediaType.APPLICATION_JSON)
public final class ContentResource {

    private final ContentCorpus corpus;
    private final ContentLibrary library;
    private final Recommender recommender;
    private final TopicReports reports;
    private final ContentContext context;
    private final Predicate<String> isThisAccount;

    /**
     * The resource.
     *
     * @param corpus        the corpus; not null
     * @param library       classification and adding; not null
     * @param context       profiles and segments; not null
     * @param isThisAccount whether a public path's account reference names the sandbox's account; not null
     */
    public ContentResource(ContentCorpus corpus, ContentLibrary library, ContentContext context,
                           Predicate<String> isThisAccount) {
        this.isThisAccount = Objects.requireNonNull(isThisAccount, "isThisAccount");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.library = Objects.requireNonNull(library, "library");
        this.context = Objects.requireNonNull(context, "context");
        this.recommender = new Recommender(corpus);
        this.reports = new TopicReports(corpus);
    }

    /**
     * Recommendations for the profile holding {@code field=value}; an unknown visitor gets the
     * ranking without affinities.
     *
     * @param field   an identity field
     * @param value   its value
     * @param uriInfo the query ({@code limit}, {@code contentsegment}, {@code visited},
     *                {@code shuffle}, {@code rank}, {@code topics})
     * @return the recommendations
     */
    @GET
    @Path("/recommend/user/{field}/{value}")
    public Response recommendUser(@PathParam("field") String field, @PathParam("value") String value,
                                  @Context UriInfo uriInfo) {
        RecommendOptions options = options(uriInfo);
        Map<String, Object> profile = context.profile(field, value).orElse(null);
        return Envelope.ok(recommender.forProfile(profile, options));
    }

    /**
     * The public (browser) form of {@link #recommendUser}, {@code /api/content/recommend/{account}/user/...}:
     * no token (Lytics' pathfora, Drupal and WordPress code call it from the browser so), read-only,
     * with {@code Access-Control-Allow-Origin: *}. {@code account} is the sandbox's 32-hex id or its
     * aid; another id of that shape is 404.
     *
     * @param account the account id or aid
     * @param field   an identity field
     * @param value   its value
     * @param uriInfo the query
     * @return the recommendations
     */
    @GET
    @Path("/recommend/{account: " + PublicEntityResource.ACCOUNT_PATTERN + "}/user/{field}/{value}")
    public Response recommendUserPublic(@PathParam("account") String account, @PathParam("field") String field,
                                        @PathParam("value") String value, @Context UriInfo uriInfo) {
        if (!isThisAccount.test(account)) {
            throw new ApiError(404, "unknown account '" + account + "': use this sandbox's account id or aid");
        }
        return Response.fromResponse(recommendUser(field, value, uriInfo))
                .header("Access-Control-Allow-Origin", "*").build();
    }

    /**
     * Recommendations for a segment's audience.
     *
     * @param segment the segment id or slug
     * @param uriInfo the query
     * @return the recommendations; 404 for an unknown segment
     */
    @GET
    @Path("/recommend/segment/{segment}")
    public Response recommendSegment(@PathParam("segment") String segment, @Context UriInfo uriInfo) {
        RecommendOptions options = options(uriInfo);
        List<Map<String, Object>> members = context.segmentMembers(segment)
                .orElseThrow(() -> new ApiError(404, "segment not found: " + segment));
        return Envelope.ok(recommender.forAudience(members, options));
    }

    /**
     * Documents by URL or id; without either, the newest.
     *
     * @param uriInfo the query ({@code urls}, {@code ids}, {@code limit}, default 10)
     * @return {@code {total, urls:[document]}}
     */
    @GET
    @Path("/doc")
    public Response documents(@Context UriInfo uriInfo) {
        List<String> urls = RequestParams.list(uriInfo, "urls");
        List<String> ids = RequestParams.list(uriInfo, "ids");
        int limit = RequestParams.intParam(uriInfo.getQueryParameters().getFirst("limit"), "limit", 10, 1, 1000);
        List<Document> docs;
        if (urls.isEmpty() && ids.isEmpty()) {
            docs = corpus.all();
        } else {
            Set<Document> found = new LinkedHashSet<>();
            urls.forEach(u -> corpus.findByUrl(u).ifPresent(found::add));
            ids.forEach(i -> corpus.findById(i).ifPresent(found::add));
            docs = new ArrayList<>(found);
        }
        List<Map<String, Object>> page = docs.stream().limit(limit).map(Document::toWire).toList();
        return Envelope.ok(Map.of("total", docs.size(), "urls", page));
    }

    /**
     * Classifies a URL or a text without storing it.
     *
     * @param url  the document URL
     * @param text the text
     * @return the classification
     */
    @GET
    @Path("/doc/classify")
    public Response classify(@QueryParam("url") String url, @QueryParam("text") String text) {
        try {
            return Envelope.ok(ContentLibrary.classifiedWire(
                    library.classify(new ContentLibrary.DocumentInput(url, text, null, null, null, null))));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    /**
     * Classifies a document and adds it to the corpus. Fields come from the query ({@code url},
     * {@code text}) and, when the body is JSON, from its object ({@code url}, {@code text},
     * {@code title}, {@code description}, {@code author}, {@code primary_image}); the query wins.
     *
     * @param url         the document URL
     * @param text        the text
     * @param contentType the body's content type
     * @param body        the body (optional)
     * @return the stored document's classification
     */
    @POST
    @Path("/doc/classify")
    public Response classifyAndAdd(@QueryParam("url") String url, @QueryParam("text") String text,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        Map<String, Object> json = Map.of();
        byte[] bytes = RequestBodies.bytes(body);
        if (bytes.length > 0) {
            if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json")) {
                Object parsed = JsonInput.parse(new ByteArrayInputStream(bytes));
                if (!(parsed instanceof Map)) {
                    throw new ApiError(400, "expected a JSON object, got " + JsonInput.typeName(parsed));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) parsed;
                json = m;
            } else if (contentType.toLowerCase(Locale.ROOT).startsWith("text/plain") && text == null) {
                text = new String(bytes, StandardCharsets.UTF_8);
            } else {
                throw new ApiError(415, "unsupported content type '" + contentType
                        + "': send application/json or text/plain");
            }
        }
        ContentLibrary.DocumentInput input = new ContentLibrary.DocumentInput(
                url != null ? url : str(json, "url"), text != null ? text : str(json, "text"),
                str(json, "title"), str(json, "description"), str(json, "author"), str(json, "primary_image"));
        try {
            return Envelope.ok(ContentLibrary.classifiedWire(library.add(input)));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage());
        }
    }

    /**
     * Every topic of the corpus.
     *
     * @param limit at most this many topics (default 500)
     * @return the topics
     */
    @GET
    @Path("/topic")
    public Response topics(@QueryParam("limit") String limit) {
        return Envelope.ok(reports.topics(RequestParams.intParam(limit, "limit", 500, 1, 10_000)));
    }

    /**
     * One topic.
     *
     * @param topic the label
     * @param limit at most this many documents (default 10)
     * @return the topic report; 404 when no document has it
     */
    @GET
    @Path("/topic/{topic}")
    public Response topic(@PathParam("topic") String topic, @QueryParam("limit") String limit) {
        Map<String, Object> report = reports.topic(topic, RequestParams.intParam(limit, "limit", 10, 1, 1000));
        if (report == null) {
            throw new ApiError(404, "topic not found: " + topic);
        }
        return Envelope.ok(report);
    }

    /**
     * The topic graph.
     *
     * @param limit at most this many topics (default and maximum 500)
     * @return the taxonomy
     */
    @GET
    @Path("/taxonomy")
    public Response taxonomy(@QueryParam("limit") String limit) {
        return Envelope.ok(reports.taxonomy(RequestParams.intParam(limit, "limit", 500, 1, 500)));
    }

    private RecommendOptions options(UriInfo uriInfo) {
        var q = uriInfo.getQueryParameters();
        int limit = RequestParams.intParam(q.getFirst("limit"), "limit", RecommendOptions.DEFAULT_LIMIT, 1,
                RecommendOptions.MAX_LIMIT);
        Predicate<Document> filter = d -> true;
        String contentSegment = q.getFirst("contentsegment");
        if (contentSegment != null && !contentSegment.isBlank()) {
            filter = context.contentSegment(contentSegment)
                    .orElseThrow(() -> new ApiError(404, "content segment not found: " + contentSegment));
        }
        List<String> topics = RequestParams.list(uriInfo, "topics");
        if (!topics.isEmpty()) {
            filter = filter.and(d -> d.topics().stream().anyMatch(topics::contains));
        }
        Boolean visited = RequestParams.optionalBool(q.getFirst("visited"), "visited");
        boolean shuffle = RequestParams.bool(q.getFirst("shuffle"), "shuffle", false);
        String rank = q.getFirst("rank");
        if (rank != null && !rank.isBlank() && !RecommendOptions.RANKS.contains(rank)) {
            throw new ApiError(400, "parameter rank must be one of " + RecommendOptions.RANKS + ", was '" + rank + "'");
        }
        return new RecommendOptions(limit, filter, visited, shuffle, rank, new Random());
    }

    private static String str(Map<String, Object> json, String key) {
        Object v = json.get(key);
        return v == null ? null : String.valueOf(v);
    }
}
