package io.lytx.sandbox.admin;

import io.lytx.sandbox.http.ApiError;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fault injected on one route.
 *
 * <p>Immutable and thread-safe.
 *
 * @param route      {@code METHOD template}, or {@code * template} for every method
 * @param latencyMs  delay added before the request is handled, 0..600000
 * @param status     error status answered instead of the real answer (400..599), or 0 for none
 * @param rate       fraction of requests that get the error, 0..1 (default 1)
 * @param retryAfter value of a {@code Retry-After} header sent with the error, or null
 * @param hang       whether requests hang until the fault is cleared, the sandbox resets or
 *                   stops, or {@code hangMs} passes (then 504)
 * @param hangMs     the longest hang, 1..600000 (default 60000)
 * @param malformed  whether a successful answer's body is replaced by truncated JSON
 */
public record Fault(String route, long latencyMs, int status, double rate, String retryAfter, boolean hang,
                    long hangMs, boolean malformed) {

    private static final Set<String> FIELDS = Set.of("route", "latency_ms", "status", "rate", "retry_after",
            "hang", "hang_ms", "malformed");

    /**
     * Reads a fault from its JSON form
     * ({@code {"route":..,"latency_ms":..,"status":..,"rate":..,"retry_after":..,"hang":..,"hang_ms":..,"malformed":..}}).
     *
     * @param json the parsed body
     * @return the fault
     * @throws ApiError 400 naming the field that is missing, unknown or out of range
     */
    public static Fault fromJson(Map<String, Object> json) {
        for (String k : json.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new ApiError(400, "unknown fault field \"" + k + "\"; known: " + new java.util.TreeSet<>(FIELDS));
            }
        }
        Object r = json.get("route");
        if (!(r instanceof String route) || !route.matches("(\\*|[A-Z]+) /\\S*")) {
            throw new ApiError(400, "fault field \"route\" must be \"METHOD /template\" or \"* /template\", e.g. "
                    + "\"GET /api/entity/{table}/{field}/{value}\"");
        }
        long latency = number(json, "latency_ms", 0, 600_000, 0).longValue();
        int status = number(json, "status", 0, 599, 0).intValue();
        if (status != 0 && status < 400) {
            throw new ApiError(400, "fault field \"status\" must be 400..599 (or 0 for none), was " + status);
        }
        double rate = number(json, "rate", 0, 1, 1).doubleValue();
        Object ra = json.get("retry_after");
        if (ra != null && !(ra instanceof String) && !(ra instanceof BigDecimal)) {
            throw new ApiError(400, "fault field \"retry_after\" must be a number of seconds or an HTTP date");
        }
        boolean hang = bool(json, "hang");
        long hangMs = number(json, "hang_ms", 1, 600_000, 60_000).longValue();
        boolean malformed = bool(json, "malformed");
        if (latency == 0 && status == 0 && !hang && !malformed) {
            throw new ApiError(400, "a fault needs at least one of latency_ms, status, hang, malformed");
        }
        return new Fault(route, latency, status, rate, ra == null ? null : ra.toString(), hang, hangMs, malformed);
    }

    /**
     * The JSON form, as listed by {@code GET /_sandbox/faults}.
     *
     * @return the fields in snake case
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("route", route);
        m.put("latency_ms", latencyMs);
        m.put("status", status);
        m.put("rate", rate);
        m.put("retry_after", retryAfter);
        m.put("hang", hang);
        m.put("hang_ms", hangMs);
        m.put("malformed", malformed);
        return m;
    }

    private static BigDecimal number(Map<String, Object> json, String field, double min, double max, double dflt) {
        Object v = json.get(field);
        if (v == null) {
            return BigDecimal.valueOf(dflt);
        }
        if (!(v instanceof BigDecimal n) || n.doubleValue() < min || n.doubleValue() > max) {
            throw new ApiError(400, "fault field \"" + field + "\" must be a number in " + fmt(min) + ".." + fmt(max)
                    + ", was " + v);
        }
        return n;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static boolean bool(Map<String, Object> json, String field) {
        Object v = json.get(field);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new ApiError(400, "fault field \"" + field + "\" must be true or false, was " + v);
        }
        return b;
    }
}
