package io.lytx.example.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void corpusArticlesLinkToTheLocalArticlePage() {
        Links links = new Links("");
        assertThat(links.local("example.org/articles/cooking/knife-skills")).isEqualTo("/articles/cooking/knife-skills");
        assertThat(links.local("https://example.org/articles/travel/jet-lag/")).isEqualTo("/articles/travel/jet-lag");
        assertThat(new Links("/demo").local("https://example.org/articles/travel/jet-lag?utm_source=x"))
                .isEqualTo("/demo/articles/travel/jet-lag");
    }

    @Test
    void otherUrlsAreKeptAsTheyAre() {
        Links links = new Links("");
        assertThat(links.local("https://shop.example.com/products/42")).isEqualTo("https://shop.example.com/products/42");
        assertThat(links.local(null)).isEqualTo("#");
    }

    @Test
    void onlyPlainTopicAndSlugSegmentsAreArticles() {
        // input: path segments with characters outside [a-z0-9-]; must hold: not mapped to a local article
        assertThat(ArticlePaths.topicAndSlug("example.org/articles/../secret")).isEmpty();
        assertThat(ArticlePaths.topicAndSlug("example.org/articles/Cooking/<script>")).isEmpty();
        assertThat(ArticlePaths.topicAndSlug("example.org/articles/cooking")).isEmpty();
    }
}
