package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void strongestIdentityIsTheKnownUser() {
        Identity known = new Identity("u_1", false, "email", "pat@example.org");

        assertThat(known.lookupField()).isEqualTo("email");
        assertThat(known.lookupValue()).isEqualTo("pat@example.org");
        assertThat(known.toString()).doesNotContain("pat@example.org");
    }

    @Test
    void visitorIdIsUsedAsUidOtherwise() {
        Identity visitor = new Identity("u_1", true, null, null);

        assertThat(visitor.lookupField()).isEqualTo("_uid");
        assertThat(visitor.lookupValue()).isEqualTo("u_1");
        assertThat(visitor.identifiable()).isTrue();
    }

    @Test
    void anonymousHasNothingToLookUp() {
        assertThat(Identity.anonymous().identifiable()).isFalse();
        assertThatThrownBy(() -> Identity.anonymous().lookupField()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Identity(null, true, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Identity("u_1", false, "email", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
