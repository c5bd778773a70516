package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.MutableClock;
import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The time an uploaded event is stamped with, as Lytics documents it. Source: learn.lytics.com
 * developing/api-docs/data-upload, "Timestamp Fields" (the same text is in Lytics' v1 API reference,
 * api-evangelist/lytics openapi/lytics-data-upload-api-openapi.yml and contentstack.com
 * docs/developers/apis/lytics-api/v1/dataupload): "Normal event uploads get an event timestamp at
 * the server time but you can over-ride this behavior so the timestamp is defined in the event you
 * upload. This is a timestamp_field parameter ... very, very lenient with over 50 formats"
 * (Lytics' parser is its open-source araddon/dateparse, README examples). The sandbox's clock is
 * held still, so "server time" is known; the visit times of the profile show the stamp.
 */
class EventTimeHttpTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false).withClock(CLOCK));

    private static Map<String, Object> profile(String uid) {
        return lytics.admin().get("/api/entity/user/_uid/" + uid).dataMap();
    }

    @Test
    void withoutTimestampFieldAnEventIsStampedWhenReceivedEvenIfItCarriesTs() {
        // input: a page view whose _ts is two days old, sent without timestamp_field (as a batching
        // collector that retried after an outage would send it)
        long twoDaysAgo = NOW.minus(Duration.ofDays(2)).toEpochMilli();
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/default",
                "{\"_uid\":\"t-late\",\"_e\":\"pv\",\"url\":\"example.org/a\",\"_ts\":\"" + twoDaysAgo + "\"}");
        assertThat(r.dataMap()).containsEntry("message_count", BigDecimal.ONE).containsEntry("timestamp_field", "");
        assertThat(profile("t-late")).containsEntry("lastvisit_ts", NOW.toString()).containsEntry("firstvisit_ts", NOW.toString());
    }

    @Test
    void theTimestampFieldIsReadInEpochAndIsoFormats() {
        // input: one event per accepted format, each in the field named by timestamp_field
        String iso = "2024-05-01T12:00:00Z";
        long ms = Instant.parse(iso).toEpochMilli();
        String events = "["
                + "{\"_uid\":\"t-ms-num\",\"_e\":\"pv\",\"when\":" + ms + "},"
                + "{\"_uid\":\"t-ms-text\",\"_e\":\"pv\",\"when\":\"" + ms + "\"},"
                + "{\"_uid\":\"t-s-num\",\"_e\":\"pv\",\"when\":" + (ms / 1000) + "},"
                + "{\"_uid\":\"t-s-text\",\"_e\":\"pv\",\"when\":\"" + (ms / 1000) + "\"},"
                + "{\"_uid\":\"t-iso\",\"_e\":\"pv\",\"when\":\"2024-05-01T14:00:00+02:00\"},"
                + "{\"_uid\":\"t-space\",\"_e\":\"pv\",\"when\":\"2024-05-01 12:00:00 UTC\"},"
                + "{\"_uid\":\"t-us\",\"_e\":\"pv\",\"when\":\"05/01/2024 12:00\"}]";
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/default?timestamp_field=when", events);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("7"))
                .containsEntry("rejected_count", BigDecimal.ZERO).containsEntry("timestamp_field", "when");
        for (String uid : new String[] {"t-ms-num", "t-ms-text", "t-s-num", "t-s-text", "t-iso", "t-space", "t-us"}) {
            assertThat(profile(uid)).as(uid).containsEntry("lastvisit_ts", iso);
        }
    }

    @Test
    void aTimestampFieldTheEventLacksLeavesTheReceiveTime() {
        lytics.admin().postJson("/collect/json/default?timestamp_field=when", "{\"_uid\":\"t-absent\",\"_e\":\"pv\"}");
        assertThat(profile("t-absent")).containsEntry("lastvisit_ts", NOW.toString());
    }

    @Test
    void anUnreadableTimestampRejectsThatEventAndCountsIt() {
        // input: "next tuesday" in the named field. Chosen: reject it (rejected_count), since
        // stamping it "now" would silently move an old event to the present.
        SandboxHttp.Reply r = lytics.admin().postJson("/collect/json/default?timestamp_field=when",
                "[{\"_uid\":\"t-unread\",\"_e\":\"pv\",\"when\":\"next tuesday\"},{\"_uid\":\"t-read\",\"_e\":\"pv\",\"when\":\"2024-05-01\"}]");
        assertThat(r.dataMap()).containsEntry("message_count", BigDecimal.ONE).containsEntry("rejected_count", BigDecimal.ONE);
        assertThat(lytics.admin().get("/api/entity/user/_uid/t-unread").message()).isEqualTo("Not Found");
        assertThat(profile("t-read")).containsEntry("lastvisit_ts", "2024-05-01T00:00:00Z");
    }

    @Test
    void aBulkCsvUploadReadsTheTimestampColumnAsInLyticsOwnExample() {
        // input: Lytics' BulkCSVUpload example file (reg_date quoted ISO text with milliseconds),
        // with an _e column so that the time shows as a visit
        String csv = "user_id,email,reg_date,item_count,_e\n"
                + "7456,t-csv1@example.org,\"2012-10-17T17:29:39.738Z\",82,signup\n"
                + "1234,t-csv2@example.org,\"2012-12-11T19:53:31.547Z\",82,signup\n";
        SandboxHttp.Reply r = lytics.admin().send("POST", "/collect/bulk/user_regdata?timestamp_field=reg_date", "application/csv", csv);
        assertThat(r.dataMap()).containsEntry("message_count", new BigDecimal("2")).containsEntry("timestamp_field", "reg_date");
        assertThat(lytics.admin().get("/api/entity/user/user_id/7456").dataMap())
                .containsEntry("lastvisit_ts", "2012-10-17T17:29:39.738Z");
    }
}
