package io.lytx.client.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.testing.LyticsFixtures;
import io.lytx.client.testing.StubLyticsExtension;
import io.lytx.client.testing.StubResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaApiTest {

    @RegisterExtension
    final StubLyticsExtension lytics = new StubLyticsExtension();

    @Test
    void schemaInTheFieldsShape() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SCHEMA_FIELDS_SHAPE));

        TableSchema s = lytics.client().schema().table("user");

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/schema/user HTTP/1.1");
        assertThat(s.name()).isEqualTo("user");
        assertThat(s.byFields()).containsExactly("email");
        assertThat(s.columns()).containsExactly(
                new Column("email", "string", true, "latest", "Email", "", List.of("web"), List.of("email")),
                new Column("visitct", "int", false, "count", "Visits", "", List.of(), List.of()));
    }

    @Test
    void schemaInTheColumnsShape() {
        lytics.server().enqueue(StubResponse.json(200, LyticsFixtures.SCHEMA_COLUMNS_SHAPE));

        TableSchema s = lytics.client().schema().table("user");

        assertThat(s.byFields()).containsExactly("user_id", "_uids");
        assertThat(s.columns()).extracting(Column::as).containsExactly("user_id", "hourly");
        assertThat(s.columns().get(1).type()).isEqualTo("map[string]int");
        assertThat(s.columns().get(1).mergeOp()).isEqualTo("merge");
    }

    @Test
    void fieldInfo() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":{\"table\":\"user\",\"fields\":["
                + "{\"field\":\"country\",\"terms_counts\":{\"US\":5120,\"CA\":\"880\"},\"more_terms\":true,"
                + "\"ents_present\":7400,\"ents_absent\":2600,\"high_card\":false,\"approx_cardinality\":64,"
                + "\"stats\":{\"mean\":3.4}}]}}"));

        List<FieldInfo> info = lytics.client().schema().fieldInfo("user", List.of("country", "visitct"), 5);

        assertThat(lytics.server().takeRequest().requestLine())
                .isEqualTo("GET /api/schema/user/fieldinfo?fields=country,visitct&limit=5 HTTP/1.1");
        assertThat(info).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("country");
            assertThat(f.termsCounts()).containsEntry("US", 5120L).containsEntry("CA", 880L);
            assertThat(f.moreTerms()).isTrue();
            assertThat(f.entsPresent()).isEqualTo(7400);
            assertThat(f.approxCardinality()).isEqualTo(64);
            assertThat(f.all().map("stats")).containsKey("mean");
        });
    }

    @Test
    void streams() {
        lytics.server().enqueue(StubResponse.json(200, "{\"status\":200,\"message\":\"success\",\"data\":["
                + "{\"stream\":\"default\",\"hidden\":false,\"ct\":120,\"curct\":3,\"last_msg_ts\":\"1714564800000\","
                + "\"fields\":[{\"name\":\"url\",\"type\":\"string\"}]}]}"));

        List<StreamInfo> streams = lytics.client().schema().streams();

        assertThat(lytics.server().takeRequest().requestLine()).isEqualTo("GET /api/schema/_streams HTTP/1.1");
        assertThat(streams).singleElement().satisfies(s -> {
            assertThat(s.stream()).isEqualTo("default");
            assertThat(s.count()).isEqualTo(120);
            assertThat(s.lastMsgTs()).contains(Instant.ofEpochMilli(1714564800000L));
        });
    }
}
