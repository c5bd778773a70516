package io.lytx.example.content;

import java.util.List;
import java.util.Objects;

/**
 * One article of the content corpus, as the example renders it. Immutable.
 *
 * @param topic       the topic from the article's path ({@code /articles/<topic>/<slug>}), never null
 * @param slug        the last path segment, never null
 * @param title       the title, never null (may be empty)
 * @param description the description, never null (may be empty)
 * @param body        the body text, never null (may be empty)
 * @param author      the author, never null (may be empty)
 * @param topics      every topic label of the document, never null
 * @param url         the document URL as Lytics stores it (usually without protocol), never null
 */
public record Article(String topic, String slug, String title, String description, String body, String author,
                      List<String> topics, String url) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null (the message names it)
     */
    public Article {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(author, "author");
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        Objects.requireNonNull(url, "url");
    }

    /** The article's path inside the web application: {@code /articles/<topic>/<slug>}. */
    public String getPath() {
        return "/articles/" + topic + "/" + slug;
    }

    /** For JSP EL. */
    public String getTopic() {
        return topic;
    }

    /** For JSP EL. */
    public String getTitle() {
        return title;
    }

    /** For JSP EL. */
    public String getDescription() {
        return description;
    }

    /** For JSP EL. */
    public String getBody() {
        return body;
    }

    /** For JSP EL. */
    public String getAuthor() {
        return author;
    }

    /** For JSP EL. */
    public List<String> getTopics() {
        return topics;
    }

    /** For JSP EL: the document URL as Lytics stores it (templates pass it to {@code links.local}). */
    public String getUrl() {
        return url;
    }
}
