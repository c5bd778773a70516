package io.lytx.sandbox.filterql;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real {@link EvalContext} for tests: a settable clock and a small registry of named segments
 * whose membership is decided by evaluating their own FilterQL. Not thread-safe.
 */
final class SettableContext implements EvalContext {

    private Instant now;
    private final Map<String, Expr> segments = new HashMap<>();

    SettableContext(Instant now) {
        this.now = now;
    }

    SettableContext at(Instant instant) {
        this.now = instant;
        return this;
    }

    SettableContext segment(String slug, String filterQl) {
        segments.put(slug, Trees.parse(filterQl).filter());
        return this;
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public boolean isMember(String segmentSlug, Map<String, Object> profile) {
        Expr segment = segments.get(segmentSlug);
        return segment != null && segment.test(profile, this);
    }
}
