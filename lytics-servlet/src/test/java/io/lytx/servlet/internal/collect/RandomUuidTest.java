package io.lytx.servlet.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomUuidTest {

    @Test
    void idsAreCanonicalVersion4UuidsThatDiffer() {
        // input: 10,000 ids from one thread; must hold: each is the canonical text of a version-4, variant-2
        // UUID, and no two are equal
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RandomUuid.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("duplicate id %s", id).isTrue();
        }
    }
}
