package io.lytx.client.schema;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.ProfileFields;
import io.lytx.client.internal.ApiCalls;
import io.lytx.client.internal.ApiRequest;
import io.lytx.client.internal.Args;
import io.lytx.client.internal.ClientAccess;
import io.lytx.client.internal.Envelope;
import io.lytx.client.internal.Tolerant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Catalog API ({@code /api/schema}). Blocking, up to the client's timeouts. Thread-safe. */
public final class SchemaApi {

    private final ApiCalls calls;

    /**
     * Made by {@link LyticsClient} only: take this family from {@link LyticsClient#schema()}.
     *
     * @param internals what the client hands its API families; not null
     */
    public SchemaApi(LyticsClient.Internals internals) {
        this.calls = ClientAccess.calls(internals);
    }

    /**
     * {@code GET /api/schema/{table}}, accepting both answer shapes.
     *
     * @param table e.g. {@code user}; not blank
     * @return the schema
     */
    public TableSchema table(String table) {
        Map<String, Object> data = calls.send(ApiRequest.get().path("/api/schema").segment(table, "table")).dataMap();
        Object rawColumns = data.containsKey("columns") ? data.get("columns") : data.get("fields");
        List<Column> columns = new ArrayList<>();
        Set<String> isByColumns = new LinkedHashSet<>();
        for (Object o : Tolerant.list(rawColumns)) {
            Map<String, Object> m = Tolerant.map(o);
            boolean isBy = Tolerant.bool(m.get("is_by")).orElse(false);
            String as = str(m, "as");
            if (isBy) {
                isByColumns.add(as);
            }
            columns.add(new Column(as, str(m, "type"), isBy,
                    Tolerant.string(m.get("mergeop")).orElse(str(m, "op")), str(m, "shortdesc"), str(m, "longdesc"),
                    Tolerant.strings(m.get("froms")), Tolerant.strings(m.get("identities"))));
        }
        // Lytics marks more columns is_by than it stitches on (go-lytics mock/json/get_catalog_user.json):
        // by_fields, when sent, is the identity list; the is_by columns only stand in when it is absent
        List<String> byFields = data.get("by_fields") != null ? Tolerant.strings(data.get("by_fields"))
                : List.copyOf(isByColumns);
        return new TableSchema(Tolerant.string(data.get("name")).orElse(table), List.copyOf(byFields), List.copyOf(columns));
    }

    /**
     * {@code GET /api/schema/{table}/fieldinfo}.
     *
     * @param table  e.g. {@code user}; not blank
     * @param fields fields to describe; empty for all
     * @param limit  top terms per field, 1 to 1000
     * @return one entry per field
     */
    public List<FieldInfo> fieldInfo(String table, List<String> fields, int limit) {
        Args.notNull(fields, "fields");
        Envelope env = calls.send(ApiRequest.get().path("/api/schema").segment(table, "table").path("/fieldinfo")
                .queryList("fields", fields).query("limit", Args.inRange(limit, 1, 1000, "limit")));
        Object data = env.dataJava();
        Object list = data instanceof Map<?, ?> m ? m.get("fields") : data;
        List<FieldInfo> out = new ArrayList<>();
        for (Object o : Tolerant.list(list)) {
            Map<String, Object> m = Tolerant.map(o);
            Map<String, Long> terms = new LinkedHashMap<>();
            Tolerant.map(m.get("terms_counts")).forEach((k, v) -> Tolerant.longValue(v).ifPresent(n -> terms.put(k, n)));
            out.add(new FieldInfo(str(m, "field"), Map.copyOf(terms), Tolerant.bool(m.get("more_terms")).orElse(false),
                    Tolerant.longValue(m.get("ents_present")).orElse(0), Tolerant.longValue(m.get("ents_absent")).orElse(0),
                    Tolerant.longValue(m.get("approx_cardinality")).orElse(0), ProfileFields.of(m)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code GET /api/schema/_streams}.
     *
     * @return one entry per stream
     */
    public List<StreamInfo> streams() {
        List<StreamInfo> out = new ArrayList<>();
        for (Object o : calls.send(ApiRequest.get().path("/api/schema/_streams")).dataList()) {
            Map<String, Object> m = Tolerant.map(o);
            out.add(new StreamInfo(str(m, "stream"), Tolerant.bool(m.get("hidden")).orElse(false),
                    Tolerant.longValue(m.get("ct")).orElse(0), Tolerant.instant(m.get("last_msg_ts")), ProfileFields.of(m)));
        }
        return List.copyOf(out);
    }

    private static String str(Map<String, Object> m, String key) {
        return Tolerant.string(m.get(key)).orElse("");
    }
}
