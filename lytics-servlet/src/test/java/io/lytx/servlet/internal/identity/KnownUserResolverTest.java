package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownUserResolverTest {

    @Test
    void acceptsPlainIdentityText() {
        assertThat(KnownUserResolver.accept("pat@example.org")).isEqualTo("pat@example.org");
        assertThat(KnownUserResolver.accept("  cust-42 ")).isEqualTo("cust-42");
        assertThat(KnownUserResolver.accept(new StringBuilder("sb@example.org"))).isEqualTo("sb@example.org");
        assertThat(KnownUserResolver.accept("Zoë@exämple.org")).isEqualTo("Zoë@exämple.org");
    }

    @Test
    void rejectsHostileOrUnusableValues() {
        // input: control characters (header/log injection), oversized values, blanks, non-text objects;
        // none may become an identity
        assertThat(KnownUserResolver.accept("pat@example.org\r\nX-Injected: 1")).isNull();
        assertThat(KnownUserResolver.accept("a\u0000b")).isNull();
        assertThat(KnownUserResolver.accept("x".repeat(KnownUserResolver.MAX_LENGTH + 1))).isNull();
        assertThat(KnownUserResolver.accept("x".repeat(KnownUserResolver.MAX_LENGTH))).hasSize(KnownUserResolver.MAX_LENGTH);
        assertThat(KnownUserResolver.accept("   ")).isNull();
        assertThat(KnownUserResolver.accept(42L)).isNull();
        assertThat(KnownUserResolver.accept(List.of("pat@example.org"))).isNull();
        assertThat(KnownUserResolver.accept(null)).isNull();
    }
}
