package io.lytx.sandbox.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.catalog.StreamCatalog;
import io.lytx.sandbox.content.ContentCorpus;
import io.lytx.sandbox.content.Document;
import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.domain.RecordingJournal;
import io.lytx.sandbox.profile.CollectedEvent;
import io.lytx.sandbox.profile.IdentityFields;
import io.lytx.sandbox.profile.ProfileStore;
import io.lytx.sandbox.profile.StoredProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventIngestTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    private record Domain(ProfileStore profiles, StreamCatalog streams, EventIngest ingest) {
        static Domain over(RecordingJournal journal) {
            ContentCorpus corpus = new ContentCorpus();
            corpus.add(Document.of("example.org/articles/a", "", "", "", Map.of("running", 1.0), "", "", Instant.EPOCH, ""));
            ProfileStore profiles = new ProfileStore(IdentityFields.defaults(), corpus);
            StreamCatalog streams = new StreamCatalog();
            EventIngest ingest = new EventIngest(new DomainWriter(journal), profiles, streams, CLOCK);
            ingest.registerReplay(journal);
            return new Domain(profiles, streams, ingest);
        }
    }

    @Test
    void eventTimeIsTheReceiveTimeUnlessTheTimestampFieldNamesAFieldOfTheEvent() {
        // learn.lytics.com data-upload, "Timestamp Fields": normal uploads are stamped at the server
        // time; the timestamp_field parameter overrides it. Nothing Lytics published reads _ts by itself.
        Domain d = Domain.over(new RecordingJournal());
        assertThat(d.ingest().eventTime(Map.of("when", "2024-01-01T00:00:00Z", "_ts", "5000"), "when"))
                .hasValue(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli());
        assertThat(d.ingest().eventTime(Map.of("_ts", "1700000000000"), null)).as("_ts without timestamp_field")
                .hasValue(CLOCK.millis());
        assertThat(d.ingest().eventTime(Map.of("_ts", "1700000000000"), "when")).as("the named field is absent")
                .hasValue(CLOCK.millis());
        assertThat(d.ingest().eventTime(Map.of("_ts", "1700000000000"), "_ts")).as("_ts when named")
                .hasValue(1_700_000_000_000L);
        assertThat(d.ingest().eventTime(Map.of(), null)).hasValue(CLOCK.millis());
        assertThat(d.ingest().eventTime(Map.of("when", "soon"), "when")).as("unreadable named field").isEmpty();
    }

    @Test
    void aDryRunCountsWithoutJournalingOrApplying() {
        RecordingJournal journal = new RecordingJournal();
        Domain d = Domain.over(journal);
        int n = d.ingest().ingest(List.of(new CollectedEvent("web", 1, Map.of("_uid", "u"))), true);
        assertThat(n).isEqualTo(1);
        assertThat(journal.size()).isZero();
        assertThat(d.profiles().size()).isZero();
    }

    @Test
    void replayingTheJournalGivesTheSameProfilesAndStreams() {
        RecordingJournal journal = new RecordingJournal();
        Domain d = Domain.over(journal);
        d.ingest().ingest(List.of(
                new CollectedEvent("web", 1_000, Map.of("_uid", "u1", "_e", "pv", "url", "example.org/articles/a", "_eid", "e1")),
                new CollectedEvent("web", 2_000, Map.of("_uid", "u1", "_e", "pv", "url", "example.org/articles/a", "_eid", "e1")),
                new CollectedEvent("web", 3_000, Map.of("email", "a@x.org", "score", new BigDecimal("4.5")))), false);
        d.ingest().ingest(List.of(
                new CollectedEvent("crm", 4_000, Map.of("_uid", "u1", "email", "a@x.org", "tags", List.of("x")))), false);

        RecordingJournal copy = journal.copyRecords();
        Domain replayed = Domain.over(copy);
        copy.replay();

        assertThat(replayed.profiles().scan(0).map(StoredProfile::fields).toList())
                .isEqualTo(d.profiles().scan(0).map(StoredProfile::fields).toList());
        assertThat(replayed.streams().toWire()).isEqualTo(d.streams().toWire());
        Map<String, Object> p = replayed.profiles().find("email", "a@x.org").orElseThrow().fields();
        assertThat(p).containsEntry("visitct", 1L).containsEntry("score", new BigDecimal("4.5"));
        assertThat(p.get("hashedurls")).as("the duplicate _eid counted once").isEqualTo(
                Map.of(Document.of("example.org/articles/a", "", "", "", Map.of(), "", "", Instant.EPOCH, "").id(), 1L));
        assertThat(journal.kinds()).containsExactly(EventIngest.KIND, EventIngest.KIND);
    }
}
