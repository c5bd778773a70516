package io.lytx.example.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.error.LyticsException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatalogValueTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aReadListIsKeptThenReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        CatalogValue<String> value = new CatalogValue<>(() -> List.of("read-" + reads.incrementAndGet()), now::get);
        assertThat(value.get()).containsExactly("read-1");
        advance(Duration.ofMinutes(CatalogValue.KEPT_MINUTES).minusSeconds(1));
        assertThat(value.get()).as("still kept").containsExactly("read-1");
        advance(Duration.ofSeconds(2));
        assertThat(value.get()).as("expired: read again").containsExactly("read-2");
    }

    @Test
    void whenLyticsCannotBeReadTheListIsEmptyAndTriedAgainSoonNotOnEveryCall() {
        // input: the first read throws (Lytics unreachable), the second answers; must hold: empty, no
        // second read within the retry pause, the answer once the pause is over
        Deque<Object> answers = new ArrayDeque<>(List.of(new LyticsException("connection refused"), List.of("back")));
        AtomicInteger reads = new AtomicInteger();
        CatalogValue<String> value = new CatalogValue<>(() -> {
            reads.incrementAndGet();
            Object next = answers.pop();
            if (next instanceof LyticsException e) {
                throw e;
            }
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) next;
            return list;
        }, now::get);
        assertThat(value.get()).isEmpty();
        assertThat(value.get()).isEmpty();
        assertThat(reads).as("one read during the pause").hasValue(1);
        advance(Duration.ofSeconds(CatalogValue.RETRY_SECONDS + 1));
        assertThat(value.get()).containsExactly("back");
        assertThat(reads).hasValue(2);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }
}
