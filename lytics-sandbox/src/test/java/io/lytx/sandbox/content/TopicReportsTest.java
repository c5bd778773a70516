package io.lytx.sandbox.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicReportsTest {

    private final ContentCorpus corpus = new ContentCorpus();
    private final TopicReports reports = new TopicReports(corpus);

    private void add(String url, Map<String, Double> topics) {
        corpus.add(Document.of(url, "", "", "", topics, "", "", Instant.EPOCH, ""));
    }

    @Test
    void topicsCountDocumentsAndAverageRelevance() {
        add("a.org/1", Map.of("running", 1.0, "travel", 0.4));
        add("a.org/2", Map.of("running", 1.0));
        add("a.org/3", Map.of("cooking", 0.5));
        List<Map<String, Object>> topics = reports.topics(500);
        assertThat(topics.get(0)).containsEntry("label", "running").containsEntry("doc_count", 2L)
                .containsEntry("total", 3).containsEntry("missing", 1L).containsEntry("avg", 1.0);
        assertThat(topics).hasSize(3);
        assertThat(reports.topics(1)).hasSize(1);
    }

    @Test
    void oneTopicHasBucketsAndItsDocumentsMostRelevantFirst() {
        add("a.org/1", Map.of("travel", 0.4));
        add("a.org/2", Map.of("travel", 0.9));
        add("a.org/3", Map.of("cooking", 1.0));
        Map<String, Object> t = reports.topic("travel", 10);
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) t.get("topics");
        assertThat(stats).containsEntry("present", 2).containsEntry("bucket_mid", 1L).containsEntry("bucket_high", 1L)
                .containsEntry("bucket_none", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> urls = (List<Map<String, Object>>) ((Map<String, Object>) t.get("docs")).get("urls");
        assertThat(urls).extracting(m -> m.get("url")).containsExactly("a.org/2", "a.org/1");
        assertThat(reports.topic("unknown", 10)).isNull();
    }

    @Test
    void taxonomyLinksTopicsSharingDocuments() {
        add("a.org/1", Map.of("running", 1.0, "travel", 0.4));
        add("a.org/2", Map.of("running", 1.0, "travel", 0.4));
        add("a.org/3", Map.of("cooking", 1.0));
        Map<String, Object> tax = reports.taxonomy(500);
        assertThat(tax).containsEntry("n", 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) tax.get("nodes");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> links = (List<Map<String, Object>>) tax.get("links");
        assertThat(links).hasSize(1);
        Map<String, Object> link = links.get(0);
        assertThat(List.of(nodes.get((Integer) link.get("source")).get("name"), nodes.get((Integer) link.get("target")).get("name")))
                .containsExactlyInAnyOrder("running", "travel");
        assertThat(link).containsEntry("value", 2);
    }
}
