package io.lytx.sandbox.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The content corpus: the documents of the account, indexed by normalized URL, by id and by path.
 *
 * <p>Page views are matched to documents with {@link #findByPageUrl}: first the exact normalized
 * URL, then, so that a site running on another host (for example {@code localhost:8080} in
 * development) still matches, the URL's path or its longest suffix that is the path of exactly one
 * document ({@code localhost:8080/app/articles/running/x} matches
 * {@code example.org/articles/running/x}).
 *
 * <p>Thread-safe: reads are lock-free; adding a document replaces any document with the same URL.
 * Unbounded (the sandbox corpus is small).
 */
public final class ContentCorpus {

    private static final Comparator<Document> NEWEST_FIRST =
            Comparator.comparing(Document::created).reversed().thenComparing(Document::url);

    private final Map<String, Document> byUrl = new ConcurrentHashMap<>();
    private final Map<String, Document> byId = new ConcurrentHashMap<>();
    private final Map<String, List<String>> urlsByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> views = new ConcurrentHashMap<>();

    /** An empty corpus. */
    public ContentCorpus() {
    }

    /**
     * Adds a document, replacing the one with the same URL.
     *
     * @param doc the document; not null
     */
    public synchronized void add(Document doc) {
        Objects.requireNonNull(doc, "doc");
        Document old = byUrl.put(doc.url(), doc);
        if (old != null) {
            byId.remove(old.id());
        }
        byId.put(doc.id(), doc);
        String path = UrlNormalizer.path(doc.url());
        if (!path.isEmpty()) {
            urlsByPath.compute(path, (k, v) -> {
                List<String> urls = v == null ? new ArrayList<>() : new ArrayList<>(v);
                if (!urls.contains(doc.url())) {
                    urls.add(doc.url());
                }
                return List.copyOf(urls);
            });
        }
    }

    /** Removes every document and every view count. */
    public synchronized void clear() {
        byUrl.clear();
        byId.clear();
        urlsByPath.clear();
        views.clear();
    }

    /**
     * The document at a URL, by exact normalized URL only.
     *
     * @param url any URL; null gives empty
     * @return the document, if any
     */
    public Optional<Document> findByUrl(String url) {
        String n = UrlNormalizer.normalize(url);
        return n == null ? Optional.empty() : Optional.ofNullable(byUrl.get(n));
    }

    /**
     * The document a page view of {@code url} reads: the exact URL, else the unique document whose
     * path equals the URL's path or its longest suffix (see the class comment).
     *
     * @param url the page URL, with or without protocol; null gives empty
     * @return the document, if any
     */
    public Optional<Document> findByPageUrl(String url) {
        String n = UrlNormalizer.normalize(url);
        if (n == null) {
            return Optional.empty();
        }
        Document exact = byUrl.get(n);
        if (exact != null) {
            return Optional.of(exact);
        }
        String path = UrlNormalizer.path(n);
        while (!path.isEmpty()) {
            List<String> urls = urlsByPath.get(path);
            if (urls != null && urls.size() == 1) {
                return Optional.ofNullable(byUrl.get(urls.get(0)));
            }
            int next = path.indexOf('/', 1);
            path = next < 0 ? "" : path.substring(next);
        }
        return Optional.empty();
    }

    /**
     * The document with a hashed-url id.
     *
     * @param id the id; null gives empty
     * @return the document, if any
     */
    public Optional<Document> findById(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /**
     * Every document, newest first (ties by URL).
     *
     * @return a new list
     */
    public List<Document> all() {
        List<Document> out = new ArrayList<>(byUrl.values());
        out.sort(NEWEST_FIRST);
        return out;
    }

    /**
     * The number of documents.
     *
     * @return the size
     */
    public int size() {
        return byUrl.size();
    }

    /**
     * Counts one page view of a document (for the {@code popular} ranking).
     *
     * @param id the document's id; not null
     */
    public void recordView(String id) {
        views.computeIfAbsent(Objects.requireNonNull(id, "id"), k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * The page views counted for a document.
     *
     * @param id the document's id
     * @return the count, 0 when never viewed
     */
    public long viewCount(String id) {
        AtomicLong n = views.get(id);
        return n == null ? 0 : n.get();
    }
}
