package io.lytx.sandbox.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The topic reports of the content API, computed from the corpus on each call:
 * {@code /api/content/topic}, {@code /api/content/topic/{topic}} and
 * {@code /api/content/taxonomy}. Thread-safe (reads the corpus only).
 */
public final class TopicReports {

    private final ContentCorpus corpus;

    /**
     * Reports over a corpus.
     *
     * @param corpus the corpus; not null
     */
    public TopicReports(ContentCorpus corpus) {
        this.corpus = Objects.requireNonNull(corpus, "corpus");
    }

    /**
     * Every topic with its document statistics, most documents first (ties by label).
     *
     * @param limit at most this many topics, &gt;= 1
     * @return {@code [{label, doc_count, total, missing, present, avg, tags}]}
     */
    public List<Map<String, Object>> topics(int limit) {
        List<Document> docs = corpus.all();
        Map<String, double[]> acc = new TreeMap<>();
        for (Document d : docs) {
            d.topicRelevances().forEach((t, r) -> {
                double[] a = acc.computeIfAbsent(t, k -> new double[2]);
                a[0]++;
                a[1] += r;
            });
        }
        List<Map<String, Object>> out = new ArrayList<>();
        acc.entrySet().stream()
                .sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]))
                .limit(limit)
                .forEach(e -> {
                    long present = (long) e.getValue()[0];
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("label", e.getKey());
                    m.put("doc_count", present);
                    m.put("total", docs.size());
                    m.put("missing", docs.size() - present);
                    m.put("present", present);
                    m.put("avg", round(e.getValue()[1] / present));
                    m.put("tags", List.of());
                    out.add(m);
                });
        return out;
    }

    /**
     * One topic: relevance buckets over the corpus and its documents, most relevant first.
     *
     * @param topic the label
     * @param limit at most this many documents, &gt;= 1
     * @return {@code {topics:{total,missing,present,bucket_none,bucket_low,bucket_mid,bucket_high,avg},
     *         docs:{total,urls:[...]}}}, or null when no document has the topic
     */
    public Map<String, Object> topic(String topic, int limit) {
        List<Document> docs = corpus.all();
        List<Document> with = new ArrayList<>();
        long low = 0;
        long mid = 0;
        long high = 0;
        double sum = 0;
        for (Document d : docs) {
            Double r = d.topicRelevances().get(topic);
            if (r == null) {
                continue;
            }
            with.add(d);
            sum += r;
            if (r < 0.34) {
                low++;
            } else if (r < 0.67) {
                mid++;
            } else {
                high++;
            }
        }
        if (with.isEmpty()) {
            return null;
        }
        with.sort((a, b) -> Double.compare(b.topicRelevances().get(topic), a.topicRelevances().get(topic)));
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("total", docs.size());
        stats.put("missing", docs.size() - with.size());
        stats.put("present", with.size());
        stats.put("bucket_none", docs.size() - with.size());
        stats.put("bucket_low", low);
        stats.put("bucket_mid", mid);
        stats.put("bucket_high", high);
        stats.put("avg", round(sum / with.size()));
        Map<String, Object> docsPart = new LinkedHashMap<>();
        docsPart.put("total", with.size());
        docsPart.put("urls", with.stream().limit(limit).map(Document::toWire).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("topics", stats);
        out.put("docs", docsPart);
        return out;
    }

    /**
     * The topic graph: nodes are topics, links join topics that share documents.
     *
     * @param limit at most this many nodes (the topics with most documents), 1..500
     * @return {@code {n, nodes:[{name,doc_count}], links:[{source,target,value}]}}; link ends are
     *         indexes into {@code nodes}, {@code value} the number of shared documents
     */
    public Map<String, Object> taxonomy(int limit) {
        List<Map<String, Object>> topics = topics(limit);
        List<String> names = topics.stream().map(t -> (String) t.get("label")).toList();
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Map<String, Object> t : topics) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", t.get("label"));
            n.put("doc_count", t.get("doc_count"));
            nodes.add(n);
        }
        Map<String, Integer> shared = new TreeMap<>();
        for (Document d : corpus.all()) {
            List<String> ts = d.topics();
            for (int i = 0; i < ts.size(); i++) {
                for (int j = i + 1; j < ts.size(); j++) {
                    int a = names.indexOf(ts.get(i));
                    int b = names.indexOf(ts.get(j));
                    if (a >= 0 && b >= 0) {
                        shared.merge(Math.min(a, b) + ":" + Math.max(a, b), 1, Integer::sum);
                    }
                }
            }
        }
        List<Map<String, Object>> links = new ArrayList<>();
        shared.forEach((k, v) -> {
            String[] ab = k.split(":");
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("source", Integer.parseInt(ab[0]));
            l.put("target", Integer.parseInt(ab[1]));
            l.put("value", v);
            links.add(l);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", nodes.size());
        out.put("nodes", nodes);
        out.put("links", links);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
