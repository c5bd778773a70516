package io.lytx.sandbox.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxOptions;
import io.lytx.sandbox.domain.ListSpellings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The catalog API over real HTTP against the embedded sandbox (no demo data). */
class SchemaHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    @BeforeAll
    static void start() {
        lytics.admin().postJson("/collect/json/signup", "[{\"email\":\"a@x.org\",\"age\":\"31\",\"country\":\"NO\",\"vip\":true},"
                + "{\"email\":\"b@x.org\",\"age\":44,\"country\":\"NO\"},{\"_uid\":\"u1\",\"country\":\"SE\",\"_e\":\"pv\"}]");
        lytics.admin().send("POST", "/collect/bulk/crm", "text/csv", "email,plan\nc@x.org,gold\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Map<String, Object>> columns(Map<String, Object> schema) {
        return ((List<Map<String, Object>>) schema.get("columns")).stream()
                .collect(Collectors.toMap(c -> c.get("as"), Function.identity()));
    }

    @Test
    void theUserSchemaHasInferredTypesIdentityFieldsAndSources() {
        Map<String, Object> schema = lytics.admin().get("/api/schema/user").dataMap();
        assertThat(schema).containsEntry("name", "user").containsEntry("by_fields", List.of("_uids", "email", "user_id"));
        Map<Object, Map<String, Object>> cols = columns(schema);
        assertThat(cols.get("email")).containsEntry("is_by", true).containsEntry("type", "string");
        assertThat(cols.get("email").get("froms")).isEqualTo(List.of("crm", "signup"));
        assertThat(cols.get("_uids")).containsEntry("is_by", true).containsEntry("type", "[]string");
        assertThat(cols.get("age")).containsEntry("type", "int").containsEntry("is_by", false);
        assertThat(cols.get("vip")).containsEntry("type", "bool");
        assertThat(cols.get("plan").get("froms")).isEqualTo(List.of("crm"));
        assertThat(cols.get("visitct")).containsEntry("type", "int");
        assertThat(cols.get("lytics_content")).containsEntry("type", "map[string]number");
        assertThat(cols).doesNotContainKey("_e");
    }

    @Test
    void theSchemaHasTheCapturedShapeColumnsWithAnOpEach() {
        // go-lytics mock/json/get_catalog_user.json (the answer Lytics' Go client parses):
        // data = {name, by_fields, columns:[{as, is_by, type, op, shortdesc, longdesc, froms, identities}]};
        // the Go client reads "columns" and "op" only, so "fields"/"mergeop" would read as an empty schema
        Map<String, Object> schema = lytics.admin().get("/api/schema/user").dataMap();
        assertThat(schema).containsOnlyKeys("name", "by_fields", "columns");
        Map<Object, Map<String, Object>> cols = columns(schema);
        assertThat(cols.values()).allSatisfy(c -> assertThat(c).containsOnlyKeys("as", "is_by", "type", "op",
                "shortdesc", "longdesc", "froms", "identities"));
        assertThat(cols.get("email")).containsEntry("op", "latest");
        assertThat(cols.get("visitct")).containsEntry("op", "count");
        assertThat(lytics.admin().get("/api/schema/content").dataMap()).containsKey("columns").doesNotContainKey("fields");
    }

    @Test
    void allTablesAndStreams() {
        assertThat(lytics.admin().get("/api/schema").dataMap()).containsKeys("user", "content");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> streams = (List<Map<String, Object>>) (List<?>) lytics.admin().get("/api/schema/_streams").dataList();
        assertThat(streams).extracting(s -> s.get("stream")).containsExactly("crm", "signup");
        assertThat(streams.get(1)).containsEntry("ct", new BigDecimal("3"));
        assertThat(lytics.admin().get("/api/schema/orders").status()).isEqualTo(404);
    }

    @Test
    void fieldInfoCountsTermsAndTakesFieldsInEverySpelling() {
        List<String> spellings = ListSpellings.of("fields", List.of("country", "age"));
        Map<String, Object> expected = lytics.admin().get("/api/schema/user/fieldinfo?" + spellings.get(0)).dataMap();
        for (String q : spellings) {
            assertThat(lytics.admin().get("/api/schema/user/fieldinfo?" + q).data()).as(q).isEqualTo(expected);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) expected.get("fields");
        assertThat(fields).extracting(f -> f.get("field")).containsExactly("country", "age");
        assertThat(fields.get(0)).containsEntry("terms_counts", Map.of("NO", new BigDecimal("2"), "SE", new BigDecimal("1")))
                .containsEntry("ents_present", new BigDecimal("3")).containsEntry("ents_absent", new BigDecimal("1"));
        assertThat(fields.get(1)).containsKey("stats");
        // input: limit=abc is not an integer
        assertThat(lytics.admin().get("/api/schema/user/fieldinfo?limit=abc").message()).contains("limit");
    }
}
