package io.lytx.client.entity;

import io.lytx.client.LyticsClient;
import io.lytx.client.error.LyticsResponseException;
import io.lytx.client.error.LyticsTimeoutException;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Envelope;
import io.lytx.client.internal.JsonValues;
import io.lytx.client.internal.SharedValues;
import io.lytx.client.internal.Tolerant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Personalization API: {@code GET /api/entity/{table}/{field}/{value}}.
 *
 * <p>Lytics answers an unknown profile with HTTP 200 and a placeholder; that comes back as an
 * {@link Entity} with {@link EntityStatus#NOT_FOUND}, not as an exception. Its {@code "Timed out"}
 * answer (same placeholder, but Lytics stopped looking) is a {@link LyticsTimeoutException}. Identity values are
 * encoded as one path segment whatever they contain. Thread-safe.
 */
public final class EntityApi {

    /** A table's meta is the same in every answer: held once (see {@link SharedValues}). */
    private static final SharedValues<EntityMeta> METAS = new SharedValues<>(16);

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#entities()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public EntityApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * Looks a profile up, blocking up to the client's connect and read timeouts.
     *
     * @param query what to look up; not null
     * @return the profile, or a NOT_FOUND entity
     * @throws io.lytx.client.error.LyticsException on an error answer, timeout (also Lytics' own
     *         {@code "Timed out"} answer) or connection failure
     */
    public Entity get(EntityQuery query) {
        return toEntity(calls.send(request(query)));
    }

    /**
     * Looks a profile up on the client's async threads. The timeout cuts the HTTP call itself: the
     * stage fails with {@link io.lytx.client.error.LyticsTimeoutException} at the timeout and the
     * connection is closed.
     *
     * @param query   what to look up; not null
     * @param timeout the overall deadline; positive
     * @return a stage with the entity, or failed with a {@link io.lytx.client.error.LyticsException}
     */
    public CompletionStage<Entity> getAsync(EntityQuery query, Duration timeout) {
        ApiRequest request = request(query);
        return calls.sendAsync(request, timeout, EntityApi::toEntity);
    }

    /**
     * Requests the asynchronous deletion of a profile (GDPR), {@code DELETE /api/entity/{table}/{field}/{value}}.
     *
     * @param query the profile to delete (only table, field and value are used)
     * @return Lytics' {@code data}: {@code request_id} and {@code complete}
     */
    public Map<String, Object> delete(EntityQuery query) {
        Args.notNull(query, "query");
        return calls.send(ApiRequest.delete().path("/api/entity").segment(query.table(), "table")
                .segment(query.field(), "field").segment(query.value(), "value")).dataMap();
    }

    private static ApiRequest request(EntityQuery q) {
        Args.notNull(q, "query");
        ApiRequest r = ApiRequest.get().path("/api/entity").segment(q.table(), "table")
                .segment(q.field(), "field").segment(q.value(), "value")
                .queryList("fields", q.fieldList());
        q.includeSegments().ifPresent(v -> r.query("segments", v));
        q.includeMeta().ifPresent(v -> r.query("meta", v));
        return r;
    }

    static Entity toEntity(Envelope env) {
        String message = env.message().toLowerCase(Locale.ROOT);
        if (message.equals("timed out")) {
            // Lytics gave up looking (its entity timeout) and answered 200 with the placeholder: the
            // profile may well exist, so this is a timeout, not an unknown visitor
            throw new LyticsTimeoutException("GET /api/entity/{table}/{field}/{value}: Lytics answered \"Timed out\""
                    + " (HTTP 200, its entity timeout passed before the profile was read)", null);
        }
        boolean placeholderMessage = message.equals("not found");
        boolean isObject = env.data().getValueType() == JsonValue.ValueType.OBJECT;
        if (!isObject && !placeholderMessage) {
            throw new LyticsResponseException("entity answer's data is " + env.data().getValueType()
                    + ", not a profile object");
        }
        Map<String, Object> data = isObject ? env.dataMap() : Map.of();
        List<String> segments = Tolerant.strings(data.get("segments"));
        boolean placeholder = placeholderMessage || segments.contains("not_found");
        EntityMeta meta = null;
        if (env.meta() != null) {
            JsonObject m = env.meta();
            Map<String, Object> mm = JsonValues.toMap(m);
            meta = METAS.of(new EntityMeta(Tolerant.string(mm.get("name")).orElse(""), Tolerant.string(mm.get("format")).orElse(""),
                    Tolerant.strings(mm.get("by_fields"))));
        }
        return new Entity(placeholder ? EntityStatus.NOT_FOUND : EntityStatus.FOUND, env.message(), segments,
                Tolerant.strings(data.get("segments_all")), placeholder ? ProfileFields.empty() : ProfileFields.of(data), meta);
    }
}
