package io.lytx.sandbox.catalog;

import io.lytx.sandbox.profile.IdentityFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the schema of the {@code user} and {@code content} tables in the shape of
 * {@code GET /api/schema/{table}} as Lytics' captured answer has it (go-lytics
 * {@code mock/json/get_catalog_user.json}): {@code {name, by_fields, columns:[column]}}, each column
 * {@code {as, is_by, type, op, shortdesc, longdesc, froms, identities}}. (The OpenAPI reference's
 * {@code fields}/{@code mergeop} form is not sent: Lytics' Go client reads {@code columns} only.)
 *
 * <p>User columns are the fields seen on the streams (transport fields starting with {@code _}
 * left out, {@code _uid} shown as {@code _uids}), plus the fields the sandbox computes
 * ({@code visitct}, {@code firstvisit_ts}, {@code lastvisit_ts}, {@code lytics_content},
 * {@code hashedurls}). Identity fields carry {@code is_by: true}. Stateless apart from its
 * inputs; thread-safe.
 */
public final class SchemaBuilder {

    /** The tables the sandbox knows. */
    public static final List<String> TABLES = List.of("user", "content");

    private final StreamCatalog streams;
    private final IdentityFields identities;

    /**
     * A builder over a stream catalog.
     *
     * @param streams    the stream catalog; not null
     * @param identities the identity fields; not null
     */
    public SchemaBuilder(StreamCatalog streams, IdentityFields identities) {
        this.streams = Objects.requireNonNull(streams, "streams");
        this.identities = Objects.requireNonNull(identities, "identities");
    }

    /**
     * The schema of a table.
     *
     * @param table {@code user} or {@code content}
     * @return the schema map, or null for an unknown table
     */
    public Map<String, Object> schema(String table) {
        if ("user".equals(table)) {
            return userSchema();
        }
        if ("content".equals(table)) {
            return contentSchema();
        }
        return null;
    }

    private Map<String, Object> userSchema() {
        Map<String, Map<String, Object>> columns = new LinkedHashMap<>();
        for (String id : identities.names()) {
            columns.put(id, column(id, IdentityFields.UIDS.equals(id) ? "[]string" : "string", true,
                    IdentityFields.UIDS.equals(id) ? "merge" : "latest", List.of(),
                    IdentityFields.UIDS.equals(id) ? "cookie ids (seerid)" : "identity field"));
        }
        for (StreamCatalog.SeenField f : streams.fields().values()) {
            String name = f.name();
            if (IdentityFields.UID.equals(name)) {
                name = IdentityFields.UIDS;
            } else if (name.startsWith("_")) {
                continue;
            }
            Map<String, Object> existing = columns.get(name);
            if (existing != null) {
                @SuppressWarnings("unchecked")
                List<String> froms = new ArrayList<>((List<String>) existing.get("froms"));
                f.streams().stream().filter(s -> !froms.contains(s)).forEach(froms::add);
                existing.put("froms", froms);
                continue;
            }
            String op = f.type().startsWith("[]") || f.type().startsWith("map") ? "merge" : "latest";
            columns.put(name, column(name, f.type(), identities.canonical(name) != null, op, f.streams(), ""));
        }
        columns.put("visitct", column("visitct", "int", false, "count", List.of(), "number of visits"));
        columns.put("firstvisit_ts", column("firstvisit_ts", "date", false, "oldest", List.of(), "first activity"));
        columns.put("lastvisit_ts", column("lastvisit_ts", "date", false, "latest", List.of(), "last activity"));
        columns.put("lytics_content", column("lytics_content", "map[string]number", false, "merge", List.of(),
                "content topic affinities 0..1"));
        columns.put("hashedurls", column("hashedurls", "map[string]int", false, "sum", List.of(),
                "visited documents (hashed url id to count)"));
        return table("user", identities.names(), new ArrayList<>(columns.values()));
    }

    private Map<String, Object> contentSchema() {
        List<Map<String, Object>> cols = new ArrayList<>();
        cols.add(column("url", "string", true, "latest", List.of(), "document url without protocol"));
        cols.add(column("id", "string", true, "latest", List.of(), "hashed url"));
        cols.add(column("title", "string", false, "latest", List.of(), ""));
        cols.add(column("description", "string", false, "latest", List.of(), ""));
        cols.add(column("long_description", "string", false, "latest", List.of(), ""));
        cols.add(column("topics", "[]string", false, "merge", List.of(), ""));
        cols.add(column("topic_relevances", "map[string]number", false, "merge", List.of(), ""));
        cols.add(column("primary_image", "string", false, "latest", List.of(), ""));
        cols.add(column("author", "string", false, "latest", List.of(), ""));
        cols.add(column("created", "date", false, "oldest", List.of(), ""));
        cols.add(column("path", "[]string", false, "merge", List.of(), ""));
        return table("content", List.of("url", "id"), cols);
    }

    private static Map<String, Object> table(String name, List<String> byFields, List<Map<String, Object>> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("by_fields", byFields);
        m.put("columns", columns);
        return m;
    }

    private static Map<String, Object> column(String as, String type, boolean isBy, String op, List<String> froms,
                                              String desc) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("as", as);
        c.put("is_by", isBy);
        c.put("type", type);
        c.put("op", op);
        c.put("shortdesc", desc.isEmpty() ? as : desc);
        c.put("longdesc", desc);
        c.put("froms", List.copyOf(froms));
        c.put("identities", isBy ? List.of(as) : List.of());
        return c;
    }
}
