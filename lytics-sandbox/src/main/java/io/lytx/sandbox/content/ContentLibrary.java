package io.lytx.sandbox.content;

import io.lytx.sandbox.domain.DomainWriter;
import io.lytx.sandbox.store.Journal;
import io.lytx.sandbox.store.JournalRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies documents and adds them to the corpus (the write side of the content API).
 *
 * <p>Classification ({@link #classify}) is deterministic: a document already in the corpus keeps
 * its topics; otherwise the {@link KeywordClassifier} reads the given text (title, description,
 * body) and the words of the URL's path. Adding a document journals it (kind {@value #KIND}), so
 * it survives a restart and is re-added in order on replay. Thread-safe.
 */
public final class ContentLibrary {

    /** The journal kind of an added document. */
    public static final String KIND = "content.doc";

    private final ContentCorpus corpus;
    private final KeywordClassifier classifier;
    private final DomainWriter writer;
    private final Clock clock;

    /**
     * A library over a corpus.
     *
     * @param corpus     the corpus; not null
     * @param classifier the classifier; not null
     * @param writer     the domain writer; not null
     * @param clock      the clock for creation times; not null
     */
    public ContentLibrary(ContentCorpus corpus, KeywordClassifier classifier, DomainWriter writer, Clock clock) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Registers the replay handler of {@link #KIND}.
     *
     * @param journal the journal; not null
     */
    public void registerReplay(Journal journal) {
        journal.register(KIND, r -> writer.applyOnly(() -> {
            corpus.add(fromRecord(r));
            return null;
        }));
    }

    /**
     * Classifies without storing.
     *
     * @param input what to classify; not null
     * @return the document as it would be stored
     * @throws IllegalArgumentException when neither a URL nor a text is given
     */
    public Document classify(DocumentInput input) {
        Objects.requireNonNull(input, "input");
        if (input.url() == null && input.text() == null) {
            throw new IllegalArgumentException("give a url or a text to classify");
        }
        Document known = input.url() == null ? null : corpus.findByUrl(input.url()).orElse(null);
        if (known != null && input.text() == null && input.title() == null) {
            return known;
        }
        String text = String.join(" ", nz(input.title()), nz(input.description()), nz(input.text()),
                input.url() == null ? "" : UrlNormalizer.path(UrlNormalizer.normalize(input.url())));
        Map<String, Double> topics = classifier.classify(text);
        String url = input.url() != null ? input.url()
                : "sandbox.local/text/" + UrlHash.of("text:" + input.text()).replace('-', 'n');
        String description = input.description() != null ? input.description() : abbreviate(nz(input.text()));
        return Document.of(url, nz(input.title()), description, nz(input.text()), topics,
                nz(input.primaryImage()), nz(input.author()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), "");
    }

    /**
     * Classifies and adds to the corpus (journaled). A text without URL is stored under the
     * synthetic URL {@code sandbox.local/text/<hash of the text>}.
     *
     * @param input what to add
     * @return the stored document
     * @throws IllegalArgumentException when neither a URL nor a text is given
     */
    public Document add(DocumentInput input) {
        Document doc = classify(input);
        return writer.write(KIND, toRecord(doc), () -> {
            corpus.add(doc);
            return doc;
        });
    }

    /**
     * Adds a document without journaling it (demo data).
     *
     * @param doc the document; not null
     */
    public void addUnjournaled(Document doc) {
        writer.applyOnly(() -> {
            corpus.add(doc);
            return null;
        });
    }

    private static Map<String, Object> toRecord(Document d) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("url", d.url());
        r.put("title", d.title());
        r.put("description", d.description());
        r.put("body", d.body());
        r.put("topics", new LinkedHashMap<>(d.topicRelevances()));
        r.put("primary_image", d.primaryImage());
        r.put("author", d.author());
        r.put("created", d.created().toEpochMilli());
        r.put("sitename", d.sitename());
        return r;
    }

    private static Document fromRecord(Map<String, Object> r) {
        Map<String, Double> topics = new LinkedHashMap<>();
        if (r.get("topics") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> topics.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        long ms = JournalRecords.longValue(r, "created");
        return Document.of((String) r.get("url"), str(r, "title"), str(r, "description"), str(r, "body"), topics,
                str(r, "primary_image"), str(r, "author"), Instant.ofEpochMilli(ms), str(r, "sitename"));
    }

    private static String str(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    /**
     * The fields a classify request may carry.
     *
     * @param url          the document URL; null when absent
     * @param text         the text to classify; null when absent
     * @param title        the title; null when absent
     * @param description  the description; null when absent
     * @param author       the author; null when absent
     * @param primaryImage the image URL; null when absent
     */
    public record DocumentInput(String url, String text, String title, String description, String author,
                                String primaryImage) {

        /**
         * Blank values become null.
         *
         * @param url the document URL; null when absent
         * @param text the text to classify; null when absent
         * @param title the title; null when absent
         * @param description the description; null when absent
         * @param author the author; null when absent
         * @param primaryImage the image URL; null when absent
         */
        public DocumentInput {
            url = blankToNull(url);
            text = blankToNull(text);
            title = blankToNull(title);
            description = blankToNull(description);
            author = blankToNull(author);
            primaryImage = blankToNull(primaryImage);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /**
     * The classify answer: the document plus its topics as Lytics {@code tags}.
     *
     * @param doc the classified document; not null
     * @return {@code {id, url, description, type, stream, httpstatus, humanLanguage, tags, primary_image,
     *         author, created, topics, topic_relevances, ...}}
     */
    public static Map<String, Object> classifiedWire(Document doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", doc.id());
        m.put("url", doc.url());
        m.put("title", doc.title());
        m.put("description", doc.description());
        m.put("type", "web");
        m.put("stream", "default");
        m.put("httpstatus", 200);
        m.put("humanLanguage", "en");
        m.put("tags", doc.topicRelevances().entrySet().stream().map(e -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("type", "lytics");
            t.put("id", e.getKey());
            t.put("value", e.getKey());
            t.put("source", "sandbox-keywords");
            t.put("vocab", "topics");
            t.put("relevance", e.getValue());
            t.put("tax", List.of());
            return t;
        }).toList());
        m.put("topics", doc.topics());
        m.put("topic_relevances", new LinkedHashMap<>(doc.topicRelevances()));
        m.put("primary_image", doc.primaryImage());
        m.put("author", doc.author());
        m.put("created", doc.created().toString());
        m.put("version", "1");
        return m;
    }
}
