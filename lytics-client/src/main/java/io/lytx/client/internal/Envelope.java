package io.lytx.client.internal;

import io.lytx.client.error.LyticsResponseException;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parsed {@code {data, message, status, meta, _next, total}} envelope of a successful answer.
 * {@code status} may arrive as a number or as a string (e.g. {@code "success"}); both are accepted.
 * A bare JSON array or scalar (no envelope) is taken as {@code data}. Immutable, thread-safe.
 *
 * @param operation  the operation that produced it (for error messages)
 * @param httpStatus the HTTP status of the answer
 * @param data       the {@code data} member, {@link JsonValue#NULL} when absent or empty body
 * @param message    the {@code message} member, empty when absent
 * @param status     the {@code status} member as text ({@code "200"}, {@code "success"}), empty when absent
 * @param meta       the {@code meta} member, or null
 * @param next       the {@code _next} scan cursor, empty when absent
 * @param total      the {@code total} member, when present and numeric
 */
public record Envelope(String operation, int httpStatus, JsonValue data, String message, String status,
                       JsonObject meta, String next, OptionalLong total) {

    /** Made once: {@code Json.createReader} looks the JSON-P provider up with a ServiceLoader on every call. */
    private static final JsonReaderFactory READERS = Jsonp.PROVIDER.createReaderFactory(Map.of());

    /**
     * Parses the body of a 2xx answer. An empty body gives {@link JsonValue#NULL} data; a JSON value
     * without {@code data} or {@code status} members is taken whole as {@code data}.
     *
     * @param op     the operation, for messages
     * @param status the HTTP status
     * @param bytes  the whole body
     * @return the envelope
     * @throws LyticsResponseException when the body is not JSON
     */
    static Envelope parse(String op, int status, byte[] bytes) {
        if (bytes.length == 0) {
            return new Envelope(op, status, JsonValue.NULL, "", "", null, "", OptionalLong.empty());
        }
        JsonValue root;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new LyticsResponseException(op + ": answer (HTTP " + status + ", " + bytes.length
                    + " bytes) is not JSON", e);
        }
        if (!(root instanceof JsonObject o) || !o.containsKey("data") && !o.containsKey("status")) {
            return new Envelope(op, status, root, "", "", null, "", OptionalLong.empty());
        }
        JsonValue data = o.getOrDefault("data", JsonValue.NULL);
        return new Envelope(op, status, data == null ? JsonValue.NULL : data, text(o.get("message")),
                text(o.get("status")), o.get("meta") instanceof JsonObject m ? m : null, text(o.get("_next")),
                o.get("total") instanceof JsonNumber t ? OptionalLong.of(t.longValue())
                        : Tolerant.longValue(text(o.get("total"))));
    }

    private static String text(JsonValue v) {
        if (v instanceof JsonString s) {
            return SharedText.of(s.getString()); // "success", kept with every cached profile
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return "";
    }

    /**
     * @return {@code data} as an object
     * @throws LyticsResponseException when {@code data} is not an object
     */
    public JsonObject dataObject() {
        if (data.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new LyticsResponseException(operation + ": expected an object in data, got " + data.getValueType());
        }
        return data.asJsonObject();
    }

    /** @return {@code data} as plain Java (see {@link JsonValues#toJava}); null for JSON null */
    public Object dataJava() {
        return JsonValues.toJava(data);
    }

    /**
     * @return {@code data} as a plain map
     * @throws LyticsResponseException when {@code data} is not an object
     */
    public Map<String, Object> dataMap() {
        return JsonValues.toMap(dataObject());
    }

    /**
     * @return the items of {@code data} when it is an array; a single object gives a one-item list; null gives
     *     an empty list
     * @throws LyticsResponseException when {@code data} is a scalar
     */
    public List<Object> dataList() {
        Object java = dataJava();
        if (java == null) {
            return List.of();
        }
        if (java instanceof List<?> l) {
            return Tolerant.list(l);
        }
        if (java instanceof Map<?, ?>) {
            return List.of(java);
        }
        throw new LyticsResponseException(operation + ": expected a list in data, got " + data.getValueType());
    }

    /** @return the {@code _next} cursor when non-empty */
    public Optional<String> nextCursor() {
        return next.isEmpty() ? Optional.empty() : Optional.of(next);
    }
}
