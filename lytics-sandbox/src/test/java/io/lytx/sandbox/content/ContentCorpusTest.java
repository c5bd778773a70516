package io.lytx.sandbox.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentCorpusTest {

    private final ContentCorpus corpus = new ContentCorpus();

    private Document add(String url, Instant created) {
        Document d = Document.of(url, "t", "d", "b", Map.of("x", 1.0), "", "", created, "");
        corpus.add(d);
        return d;
    }

    @Test
    void urlsAreStoredWithoutProtocolQueryOrTrailingSlash() {
        Document d = add("https://Example.org/articles/x/?utm=1#top", Instant.EPOCH);
        assertThat(d.url()).isEqualTo("example.org/articles/x");
        assertThat(corpus.findByUrl("http://example.org/articles/x")).contains(d);
        assertThat(corpus.findById(d.id())).contains(d);
        assertThat(d.id()).isEqualTo(UrlHash.of("example.org/articles/x")).matches("-?\\d+");
    }

    @Test
    void pageViewsOnAnotherHostMatchByUniquePathSuffix() {
        Document d = add("example.org/articles/running/a", Instant.EPOCH);
        assertThat(corpus.findByPageUrl("http://localhost:8080/articles/running/a")).contains(d);
        assertThat(corpus.findByPageUrl("localhost:8080/app/articles/running/a?x=1")).contains(d);
        assertThat(corpus.findByPageUrl("localhost:8080/articles/running/b")).isEmpty();
        assertThat(corpus.findByUrl("localhost:8080/articles/running/a")).as("exact lookups stay exact").isEmpty();
    }

    @Test
    void anAmbiguousPathMatchesNothing() {
        add("a.org/p", Instant.EPOCH);
        add("b.org/p", Instant.EPOCH);
        assertThat(corpus.findByPageUrl("c.org/p")).isEmpty();
        assertThat(corpus.findByPageUrl("a.org/p")).isPresent();
    }

    @Test
    void allListsNewestFirstAndAddingTheSameUrlReplaces() {
        add("a.org/old", Instant.parse("2024-01-01T00:00:00Z"));
        add("a.org/new", Instant.parse("2025-01-01T00:00:00Z"));
        add("a.org/old", Instant.parse("2023-01-01T00:00:00Z"));
        assertThat(corpus.all()).extracting(Document::url).containsExactly("a.org/new", "a.org/old");
        assertThat(corpus.size()).isEqualTo(2);
    }
}
