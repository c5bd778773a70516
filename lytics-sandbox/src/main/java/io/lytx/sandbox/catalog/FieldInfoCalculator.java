package io.lytx.sandbox.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes {@code /api/schema/{table}/fieldinfo}: per field the most frequent values
 * ({@code terms_counts}), how many entities have or lack it, its cardinality, and numeric
 * {@code stats} for numeric fields.
 *
 * <p>A list value counts each element; map and date values count presence only. Not thread-safe
 * (one instance per request); memory grows with the number of distinct values of the requested
 * fields.
 */
public final class FieldInfoCalculator {

    private final Set<String> requested;
    private final int limit;
    private final Map<String, Acc> acc = new LinkedHashMap<>();
    private long entities;

    /**
     * A calculator.
     *
     * @param fields the fields to report; empty for every field seen
     * @param limit  the number of top terms per field, &gt;= 1
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    public FieldInfoCalculator(List<String> fields, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.requested = new LinkedHashSet<>(Objects.requireNonNull(fields, "fields"));
        this.limit = limit;
        requested.forEach(f -> acc.put(f, new Acc()));
    }

    /**
     * Adds one entity.
     *
     * @param entity the entity's fields; not null
     */
    public void add(Map<String, Object> entity) {
        entities++;
        for (Map.Entry<String, Object> e : entity.entrySet()) {
            if (e.getValue() == null || (!requested.isEmpty() && !requested.contains(e.getKey()))) {
                continue;
            }
            Acc a = acc.computeIfAbsent(e.getKey(), k -> new Acc());
            a.present++;
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                list.forEach(o -> a.term(String.valueOf(o)));
            } else if (!(v instanceof Map) && !(v instanceof Instant)) {
                a.term(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v));
                Double num = asNumber(v);
                if (num != null) {
                    a.stat(num);
                }
            }
        }
    }

    /**
     * The result.
     *
     * @param table the table name written as {@code table}
     * @return {@code {table, fields:[...]}}
     */
    public Map<String, Object> result(String table) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (String name : requested.isEmpty() ? new TreeSet<>(acc.keySet()) : requested) {
            Acc a = acc.get(name);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", name);
            Map<String, Long> top = new LinkedHashMap<>();
            a.terms.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .forEach(t -> top.put(t.getKey(), t.getValue()));
            m.put("terms_counts", top);
            m.put("more_terms", a.terms.size() > limit);
            m.put("ents_present", a.present);
            m.put("ents_absent", entities - a.present);
            m.put("high_card", a.terms.size() > 1000);
            m.put("approx_cardinality", a.terms.size());
            if (a.n > 0 && a.n == a.present) {
                double mean = a.sum / a.n;
                double sd = Math.sqrt(Math.max(0, a.sumSq / a.n - mean * mean));
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("mean", mean);
                stats.put("sd", sd);
                stats.put("min", a.min);
                stats.put("max", a.max);
                stats.put("n", a.n);
                m.put("stats", stats);
            }
            fields.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("table", table);
        out.put("fields", fields);
        return out;
    }

    private static Double asNumber(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s);
        }
        return null;
    }

    private static final class Acc {
        final Map<String, Long> terms = new HashMap<>();
        long present;
        long n;
        double sum;
        double sumSq;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void term(String t) {
            terms.merge(t, 1L, Long::sum);
        }

        void stat(double x) {
            n++;
            sum += x;
            sumSq += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
    }
}
