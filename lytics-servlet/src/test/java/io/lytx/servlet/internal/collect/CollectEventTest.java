package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CollectEventTest {

    @Test
    void fieldsKeepPutOrderSkipNullsAndLaterValuesReplaceEarlierOnes() {
        CollectEvent event = CollectEvent.builder()
                .put("_e", "pv")
                .put("url", "example.org/a")
                .put("_ref", null)
                .put("url", "example.org/b")
                .build();

        assertThat(event.fields()).containsExactly(
                java.util.Map.entry("_e", "pv"), java.util.Map.entry("url", "example.org/b"));
        assertThatThrownBy(() -> event.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theIdIsARandomUuidV4FixedAtBuildTime() {
        CollectEvent.Builder builder = CollectEvent.builder().put("_e", "pv");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            CollectEvent event = builder.build();
            assertThat(event.id()).isSameAs(event.id());
            UUID uuid = UUID.fromString(event.id());
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            ids.add(event.id());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void anExplicitIdIsKept() {
        assertThat(CollectEvent.builder().id("pv-42").build().id()).isEqualTo("pv-42");
    }

    @Test
    void theBuilderCanBeReusedWithoutChangingBuiltEvents() {
        CollectEvent.Builder builder = CollectEvent.builder().put("a", "1");
        CollectEvent first = builder.build();
        builder.put("a", "2").put("b", "3");

        assertThat(first.fields()).containsExactly(java.util.Map.entry("a", "1"));
        assertThat(builder.build().fields()).containsEntry("a", "2").containsEntry("b", "3");
    }

    @Test
    void manyFieldsGrowTheBuilder() {
        CollectEvent.Builder builder = CollectEvent.builder();
        for (int i = 0; i < 100; i++) {
            builder.put("k" + i, "v" + i);
        }
        assertThat(builder.build().fields()).hasSize(100).containsEntry("k99", "v99");
    }

    @Test
    void estimatedBytesIsTheJsonSizeForAsciiWithoutSerializing() {
        CollectEvent event = CollectEvent.builder().put("_e", "pv").put("url", "example.org/x?a=1").build();
        JsonBatchWriter writer = new JsonBatchWriter();
        writer.reset();
        writer.tryAppend(event, Long.MAX_VALUE);
        // "[" + object + "]" is one byte longer than the estimate (which counts a separating comma instead)
        assertThat(writer.finish()).hasSize(event.estimatedBytes() + 1);
    }

    @Test
    void badKeysAreRefusedNamingTheProblem() {
        CollectEvent.Builder builder = CollectEvent.builder();
        // null key
        assertThatNullPointerException().isThrownBy(() -> builder.put(null, "v")).withMessage("key");
        // blank key "  "
        assertThatIllegalArgumentException().isThrownBy(() -> builder.put("  ", "v")).withMessage("key must not be blank");
        // the reserved id field "_eid"
        assertThatIllegalArgumentException().isThrownBy(() -> builder.put("_eid", "v"))
                .withMessageContaining("_eid").withMessageContaining("id(String)");
        // null and blank ids
        assertThatNullPointerException().isThrownBy(() -> builder.id(null)).withMessage("id");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.id("")).withMessage("id must not be blank");
    }
}
