package io.lytx.client.content;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Envelope;
import io.lytx.client.internal.SharedValues;
import io.lytx.client.internal.Tolerant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Content API: recommendations, documents, classification, topics and taxonomy. Identity values
 * and ids are encoded as one path segment. Blocking methods wait up to the client's timeouts.
 * Thread-safe.
 */
public final class ContentApi {

    /**
     * A recommended document's own properties (URL, description, image, topics, relevances) are the same in
     * every visitor's list it is in, and the plugin caches a list per visitor: they are held once through
     * these bounded tables (see {@link SharedValues}); text over {@value #MAX_SHARED_TEXT} characters is not
     * shared, so the text table holds about 1 MB at worst.
     */
    private static final SharedValues<String> DOCUMENT_TEXT = new SharedValues<>(1024);
    private static final SharedValues<List<String>> DOCUMENT_TOPICS = new SharedValues<>(1024);
    private static final SharedValues<Map<String, Double>> DOCUMENT_RELEVANCES = new SharedValues<>(1024);
    private static final int MAX_SHARED_TEXT = 512;

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#content()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public ContentApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * {@code GET /api/content/recommend/user/{field}/{value}}.
     *
     * @param field identity field, e.g. {@code _uid} or {@code email}; not blank
     * @param value its value; not blank
     * @param query options; not null
     * @return recommended documents, best first
     */
    public List<Recommendation> recommendForUser(String field, String value, RecommendationQuery query) {
        return toRecommendations(calls.send(userRequest(field, value, query)));
    }

    /**
     * Async variant of {@link #recommendForUser}; the timeout cuts the HTTP call itself.
     *
     * @param field   identity field; not blank
     * @param value   its value; not blank
     * @param query   options; not null
     * @param timeout overall deadline; positive
     * @return a stage with the recommendations, or failed with a {@link io.lytx.client.error.LyticsException}
     */
    public CompletionStage<List<Recommendation>> recommendForUserAsync(String field, String value,
                                                                      RecommendationQuery query, Duration timeout) {
        return calls.sendAsync(userRequest(field, value, query), timeout, ContentApi::toRecommendations);
    }

    /**
     * {@code GET /api/content/recommend/segment/{segId}}.
     *
     * @param segmentIdOrSlug the user segment; not blank
     * @param query           options; not null
     * @return recommended documents
     */
    public List<Recommendation> recommendForSegment(String segmentIdOrSlug, RecommendationQuery query) {
        Args.notNull(query, "query");
        ApiRequest r = ApiRequest.get().path("/api/content/recommend/segment").segment(segmentIdOrSlug, "segment");
        return toRecommendations(calls.send(query.applyTo(r)));
    }

    /**
     * {@code GET /api/content/doc}: documents by URL or hashed id; with both lists empty, the most recent.
     *
     * @param urls  URLs to fetch; may be empty
     * @param ids   hashed-URL ids; may be empty
     * @param limit maximum documents, 1 to 1000
     * @return the page of documents
     */
    public DocumentPage documents(List<String> urls, List<String> ids, int limit) {
        Args.notNull(urls, "urls");
        Args.notNull(ids, "ids");
        Envelope env = calls.send(ApiRequest.get().path("/api/content/doc").queryList("urls", urls)
                .queryList("ids", ids).query("limit", Args.inRange(limit, 1, 1000, "limit")));
        Map<String, Object> data = env.dataMap();
        List<ContentDocument> docs = new ArrayList<>();
        for (Object o : Tolerant.list(data.get("urls"))) {
            docs.add(toDocument(Tolerant.map(o)));
        }
        return new DocumentPage(Tolerant.longValue(data.get("total")).orElse(docs.size()), List.copyOf(docs));
    }

    /**
     * {@code GET /api/content/doc/classify}: classifies a URL without adding it to the corpus.
     *
     * @param url the page URL; not blank
     * @return the classified document (fields as Lytics sent them: {@code tags}, {@code primary_image}...)
     */
    public ProfileFields classifyUrl(String url) {
        return ProfileFields.of(calls.send(ApiRequest.get().path("/api/content/doc/classify")
                .query("url", Args.notBlank(url, "url"))).dataMap());
    }

    /**
     * {@code GET /api/content/doc/classify?text=}: classifies text without storing it.
     *
     * @param text the text; not blank
     * @return the classified document
     */
    public ProfileFields classifyText(String text) {
        return ProfileFields.of(calls.send(ApiRequest.get().path("/api/content/doc/classify")
                .query("text", Args.notBlank(text, "text"))).dataMap());
    }

    /**
     * {@code POST /api/content/doc/classify}: classifies a URL and adds it to the corpus.
     *
     * @param url the page URL; not blank
     * @return the classified document
     */
    public ProfileFields classifyAndAdd(String url) {
        return ProfileFields.of(calls.send(ApiRequest.post().path("/api/content/doc/classify")
                .query("url", Args.notBlank(url, "url"))
                .body("text/plain", new byte[0])).dataMap());
    }

    /**
     * {@code POST /api/content/doc/classify} with a text body: classifies text and adds it to the corpus.
     *
     * @param text the text; not blank
     * @return the classified document
     */
    public ProfileFields classifyAndAddText(String text) {
        return ProfileFields.of(calls.send(ApiRequest.post().path("/api/content/doc/classify")
                .body("text/plain", Args.notBlank(text, "text").getBytes(StandardCharsets.UTF_8))).dataMap());
    }

    /**
     * {@code GET /api/content/topic}.
     *
     * @param limit maximum topics, 1 to 10000
     * @return the topics
     */
    public List<Topic> topics(int limit) {
        Envelope env = calls.send(ApiRequest.get().path("/api/content/topic")
                .query("limit", Args.inRange(limit, 1, 10_000, "limit")));
        List<Topic> out = new ArrayList<>();
        for (Object o : env.dataList()) {
            Map<String, Object> m = Tolerant.map(o);
            out.add(new Topic(Tolerant.string(m.get("label")).orElse(""), Tolerant.longValue(m.get("doc_count")).orElse(0),
                    Tolerant.longValue(m.get("total")).orElse(0), Tolerant.longValue(m.get("missing")).orElse(0),
                    Tolerant.longValue(m.get("present")).orElse(0), Tolerant.number(m.get("avg")).orElse(0),
                    Tolerant.strings(m.get("tags"))));
        }
        return List.copyOf(out);
    }

    /**
     * {@code GET /api/content/topic/{topic}}: one topic's statistics and documents.
     *
     * @param topic the topic label; not blank
     * @return {@code topics} and {@code docs} as Lytics sent them
     */
    public ProfileFields topic(String topic) {
        return ProfileFields.of(calls.send(ApiRequest.get().path("/api/content/topic").segment(topic, "topic")).dataMap());
    }

    /**
     * {@code GET /api/content/taxonomy}.
     *
     * @param limit maximum nodes, 1 to 500
     * @return the topic graph
     */
    public Taxonomy taxonomy(int limit) {
        Map<String, Object> data = calls.send(ApiRequest.get().path("/api/content/taxonomy")
                .query("limit", Args.inRange(limit, 1, 500, "limit"))).dataMap();
        List<Taxonomy.Node> nodes = new ArrayList<>();
        for (Object o : Tolerant.list(data.get("nodes"))) {
            Map<String, Object> m = Tolerant.map(o);
            nodes.add(new Taxonomy.Node(Tolerant.string(m.get("name")).orElse(""), Tolerant.longValue(m.get("doc_count")).orElse(0)));
        }
        List<Taxonomy.Link> links = new ArrayList<>();
        for (Object o : Tolerant.list(data.get("links"))) {
            Map<String, Object> m = Tolerant.map(o);
            links.add(new Taxonomy.Link((int) Tolerant.longValue(m.get("source")).orElse(-1),
                    (int) Tolerant.longValue(m.get("target")).orElse(-1), Tolerant.number(m.get("value")).orElse(0)));
        }
        return new Taxonomy(Tolerant.longValue(data.get("n")).orElse(nodes.size()), List.copyOf(nodes), List.copyOf(links));
    }

    private static ApiRequest userRequest(String field, String value, RecommendationQuery query) {
        Args.notNull(query, "query");
        return query.applyTo(ApiRequest.get().path("/api/content/recommend/user")
                .segment(field, "field").segment(value, "value"));
    }

    static List<Recommendation> toRecommendations(Envelope env) {
        List<Recommendation> out = new ArrayList<>();
        for (Object o : env.dataList()) {
            Map<String, Object> m = Tolerant.map(o);
            out.add(new Recommendation(documentText(str(m, "url")), str(m, "title"), documentText(str(m, "description")),
                    DOCUMENT_TOPICS.of(Tolerant.strings(m.get("topics"))),
                    DOCUMENT_RELEVANCES.of(Map.copyOf(Tolerant.doubles(m.get("topic_relevances")))),
                    documentText(image(m)), str(m, "author"), str(m, "created"), str(m, "id"),
                    Tolerant.number(m.get("confidence")).orElse(0), Tolerant.bool(m.get("visited")).orElse(false)));
        }
        return List.copyOf(out);
    }

    private static String documentText(String text) {
        return text.length() > MAX_SHARED_TEXT ? text : DOCUMENT_TEXT.of(text);
    }

    private static ContentDocument toDocument(Map<String, Object> m) {
        return new ContentDocument(str(m, "url"), str(m, "title"), str(m, "description"), Tolerant.strings(m.get("topics")),
                Tolerant.doubles(m.get("topic_relevances")), str(m, "id"), ProfileFields.of(m));
    }

    /**
     * The image of a recommended document: {@code primaryimageurl}, else the first of {@code imageurls}
     * (Lytics' current answers, as its own browser code reads them), else {@code primary_image} (the
     * older answers); empty values are skipped.
     */
    static String image(Map<String, Object> m) {
        String primary = str(m, "primaryimageurl");
        if (!primary.isBlank()) {
            return primary;
        }
        List<String> urls = Tolerant.strings(m.get("imageurls"));
        if (!urls.isEmpty() && !urls.get(0).isBlank()) {
            return urls.get(0);
        }
        return str(m, "primary_image");
    }

    private static String str(Map<String, Object> m, String key) {
        return Tolerant.string(m.get(key)).orElse("");
    }
}
