package io.lytx.sandbox.filterql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path resolution: nested keys, flat dotted keys, dotted segments, with kept or per-use flat keys. */
class IdentifierTest {

    private static final EvalContext CTX = new SettableContext(Instant.EPOCH);

    private static Object value(Map<String, Object> profile, String... path) {
        return Identifier.of(path).value(profile, CTX);
    }

    @Test
    void resolvesNestedFlatAndDottedKeys() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("b.c", 1);
        inner.put("present", null);
        Map<String, Object> p = new HashMap<>();
        p.put("a", inner);
        p.put("x.y", Map.of("z", 2));
        p.put("actioncounts", Map.of("Web hit", 10, "deep", Map.of("er", 3)));
        p.put("email", "e@x.org");

        assertThat(value(p, "email")).isEqualTo("e@x.org");
        assertThat(value(p, "a", "b", "c")).as("flat key below a map").isEqualTo(1);
        assertThat(value(p, "x", "y", "z")).as("flat key at the root, then nested").isEqualTo(2);
        assertThat(value(p, "actioncounts.Web hit")).as("dotted segment").isEqualTo(10);
        assertThat(value(p, "actioncounts.deep", "er")).as("dotted segment, then nested").isEqualTo(3);
        assertThat(value(p, ".actioncounts")).as("a leading dot splits nothing").isNull();
        assertThat(value(p, "a", "present")).isNull();
        assertThat(value(p, "a", "present", "below")).isNull();
        assertThat(value(p, "email", "below")).as("below a scalar").isNull();
        assertThat(value(p, "missing")).isNull();
        assertThat(value(p, "x", "missing")).isNull();
    }

    @Test
    void aPathTooLongToKeepItsFlatKeysStillResolvesThem() {
        List<String> path = new ArrayList<>(Collections.nCopies(Lexer.MAX_PATH_SEGMENTS - 1, "s".repeat(20)));
        path.add("leaf");
        Map<String, Object> p = Map.of(String.join(".", path.subList(0, 3)),
                Map.of(String.join(".", path.subList(3, path.size())), "found"));
        assertThat(new Identifier(path).value(p, CTX)).isEqualTo("found");
        assertThat(new Identifier(path)).isEqualTo(new Identifier(path)).hasSameHashCodeAs(new Identifier(path));
    }
}
