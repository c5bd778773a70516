package io.lytx.client.segment;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Envelope;
import io.lytx.client.internal.Tolerant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Segmentation API ({@code /api/segment}). Blocking; each call waits up to the client's timeouts
 * (a scan, per page). Ids and slugs are encoded as one path segment. Thread-safe; the scan streams
 * are single-consumer.
 */
public final class SegmentApi {

    private static final String FILTERQL = "text/plain";

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#segments()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public SegmentApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * {@code GET /api/segment}.
     *
     * @param table {@code user} or {@code content}; null for Lytics' default ({@code user})
     * @param valid {@code true}, {@code false} or {@code all}; null for Lytics' default
     * @return every matching segment
     */
    public List<Segment> list(String table, String valid) {
        Envelope env = calls.send(ApiRequest.get().path("/api/segment").query("table", table).query("valid", valid));
        List<Segment> out = new ArrayList<>();
        for (Object o : env.dataList()) {
            out.add(toSegment(Tolerant.map(o)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code GET /api/segment/{id-or-slug}}.
     *
     * @param idOrSlug id or slug; not blank
     * @return the segment
     * @throws io.lytx.client.error.LyticsNotFoundException when there is none
     */
    public Segment get(String idOrSlug) {
        return toSegment(calls.send(ApiRequest.get().path("/api/segment").segment(idOrSlug, "idOrSlug")).dataMap());
    }

    /**
     * {@code POST /api/segment} with FilterQL text; Lytics upserts by the {@code ALIAS}.
     *
     * @param filterQl e.g. {@code FILTER visitct > 5 FROM user ALIAS frequent}; not blank
     * @return the stored segment
     * @throws io.lytx.client.error.LyticsBadRequestException when the FilterQL is invalid
     */
    public Segment upsert(String filterQl) {
        return toSegment(calls.send(ApiRequest.post().path("/api/segment")
                .body(FILTERQL, Args.notBlank(filterQl, "filterQl").getBytes(StandardCharsets.UTF_8))).dataMap());
    }

    /**
     * {@code POST /api/segment} with JSON.
     *
     * @param draft the segment; not null
     * @return the stored segment
     */
    public Segment create(SegmentDraft draft) {
        Args.notNull(draft, "draft");
        return toSegment(calls.send(ApiRequest.post().path("/api/segment")
                .body("application/json", calls.toJson(draft.toJsonMap()))).dataMap());
    }

    /**
     * {@code PUT /api/segment/{id}}.
     *
     * @param id    the segment id; not blank
     * @param draft the new values; not null
     * @return the updated segment
     */
    public Segment update(String id, SegmentDraft draft) {
        Args.notNull(draft, "draft");
        return toSegment(calls.send(ApiRequest.put().path("/api/segment").segment(id, "id")
                .body("application/json", calls.toJson(draft.toJsonMap()))).dataMap());
    }

    /**
     * {@code DELETE /api/segment/{id}}.
     *
     * @param id the segment id; not blank
     */
    public void delete(String id) {
        calls.send(ApiRequest.delete().path("/api/segment").segment(id, "id"));
    }

    /**
     * {@code POST /api/segment/validate}.
     *
     * @param filterQl the FilterQL; not blank
     * @throws io.lytx.client.error.LyticsBadRequestException with Lytics' parse message when invalid
     */
    public void validate(String filterQl) {
        calls.send(ApiRequest.post().path("/api/segment/validate")
                .body(FILTERQL, Args.notBlank(filterQl, "filterQl").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code GET /api/segment/{id}/size}; both answer shapes (object or {@code [N]}) are read.
     *
     * @param idOrSlug the segment; not blank
     * @return its size
     */
    public SegmentSize size(String idOrSlug) {
        Envelope env = calls.send(ApiRequest.get().path("/api/segment").segment(idOrSlug, "idOrSlug").path("/size"));
        return toSize(env, idOrSlug);
    }

    /**
     * {@code POST /api/segment/size}: size of ad-hoc FilterQL (Lytics throttles this to about one call
     * per 10 s; expect {@link io.lytx.client.error.LyticsRateLimitException}).
     *
     * @param filterQl the FilterQL; not blank
     * @return its size
     */
    public SegmentSize sizeOf(String filterQl) {
        Envelope env = calls.send(ApiRequest.post().path("/api/segment/size")
                .body(FILTERQL, Args.notBlank(filterQl, "filterQl").getBytes(StandardCharsets.UTF_8)));
        return toSize(env, "");
    }

    /**
     * {@code GET /api/segment/sizes?ids=}.
     *
     * @param ids segment ids; not empty
     * @return their sizes
     */
    public List<SegmentSize> sizes(List<String> ids) {
        Args.notNull(ids, "ids");
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("ids must not be empty");
        }
        Envelope env = calls.send(ApiRequest.get().path("/api/segment/sizes").queryList("ids", ids));
        List<SegmentSize> out = new ArrayList<>();
        for (Object o : env.dataList()) {
            Map<String, Object> m = Tolerant.map(o);
            out.add(new SegmentSize(str(m, "id"), str(m, "name"), str(m, "slug_name"), Tolerant.longValue(m.get("size")).orElse(0)));
        }
        return List.copyOf(out);
    }

    /**
     * Scans a segment's profiles lazily: a page ({@code limit} ≤ 100) is fetched only when the
     * previous one is consumed; the stream ends on an empty {@code _next} or a page that adds nothing.
     * Close the stream or stop consuming at any time; no request is left open between pages.
     *
     * @param idOrSlug the segment; not blank
     * @param query    scan options; not null
     * @return a sequential, ordered, lazy stream of profiles
     */
    public Stream<ProfileFields> scan(String idOrSlug, ScanQuery query) {
        Args.notBlank(idOrSlug, "idOrSlug");
        Args.notNull(query, "query");
        return stream(new ScanIterator(cursor -> scanPage(idOrSlug, query, cursor)));
    }

    /**
     * One page of {@code GET /api/segment/{id}/scan}, for callers paging by hand.
     *
     * @param idOrSlug the segment; not blank
     * @param query    scan options; not null
     * @param cursor   the previous page's {@code next}, or null for the first page
     * @return the page
     */
    public ScanPage scanPage(String idOrSlug, ScanQuery query, String cursor) {
        Args.notNull(query, "query");
        ApiRequest r = ApiRequest.get().path("/api/segment").segment(idOrSlug, "idOrSlug").path("/scan");
        return toPage(calls.send(query.applyTo(r, cursor)));
    }

    /**
     * Scans the profiles matching ad-hoc FilterQL ({@code POST /api/segment/scan}, FilterQL as the
     * body), paged like {@link #scan}.
     *
     * @param filterQl the FilterQL; not blank
     * @param query    scan options; not null
     * @return a lazy stream of profiles
     */
    public Stream<ProfileFields> scanAdHoc(String filterQl, ScanQuery query) {
        byte[] ql = Args.notBlank(filterQl, "filterQl").getBytes(StandardCharsets.UTF_8);
        Args.notNull(query, "query");
        return stream(new ScanIterator(cursor -> toPage(calls.send(
                query.applyTo(ApiRequest.post().path("/api/segment/scan"), cursor).body(FILTERQL, ql)))));
    }

    private static Stream<ProfileFields> stream(ScanIterator it) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static ScanPage toPage(Envelope env) {
        List<ProfileFields> profiles = new ArrayList<>();
        for (Object o : env.dataList()) {
            profiles.add(ProfileFields.of(Tolerant.map(o)));
        }
        return new ScanPage(List.copyOf(profiles), env.nextCursor(), env.total());
    }

    private static SegmentSize toSize(Envelope env, String id) {
        Object data = env.dataJava();
        if (data instanceof List<?> l) {
            return new SegmentSize(id, "", "", l.isEmpty() ? 0 : Tolerant.longValue(l.get(0)).orElse(0));
        }
        Map<String, Object> m = Tolerant.map(data);
        return new SegmentSize(Tolerant.string(m.get("id")).filter(s -> !s.isEmpty()).orElse(id), str(m, "name"),
                str(m, "slug_name"), Tolerant.longValue(m.get("size")).orElse(0));
    }

    static Segment toSegment(Map<String, Object> m) {
        return new Segment(str(m, "id"), str(m, "name"), str(m, "slug_name"), str(m, "kind"), str(m, "table"),
                Tolerant.bool(m.get("is_public")).orElse(false), str(m, "segment_ql"), str(m, "description"),
                Tolerant.strings(m.get("tags")), Tolerant.bool(m.get("invalid")).orElse(false), str(m, "invalid_reason"),
                str(m, "created"), str(m, "updated"), ProfileFields.of(m));
    }

    private static String str(Map<String, Object> m, String key) {
        return Tolerant.string(m.get(key)).orElse("");
    }
}
