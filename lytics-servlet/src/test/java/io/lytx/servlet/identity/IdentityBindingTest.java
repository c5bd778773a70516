package io.lytx.servlet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityBindingTest {

    private static final String ID = "21c033ae-567a-49b1-9935-35e79a056559";
    private static final String OTHER_ID = "5b0a2a8e-5f1c-4d2b-9a3e-0c1d2e3f4a5b";
    private final IdentityBinding binding = IdentityBinding.derivedFrom("token-of-the-site");

    @Test
    void aMarkerBindsOneIdToOneIdentityOnly() {
        String ada = binding.marker(ID, "email", "ada@example.org");

        assertThat(binding.binds(ada, ID, "email", "ada@example.org")).isTrue();
        assertThat(binding.binds(ada, ID, "email", "bob@example.org")).as("another user").isFalse();
        assertThat(binding.binds(ada, ID, null, null)).as("nobody (logged out)").isFalse();
        assertThat(binding.binds(ada, OTHER_ID, "email", "ada@example.org")).as("another id").isFalse();
        assertThat(binding.binds(ada, ID, "user_id", "ada@example.org")).as("another identity field").isFalse();
        assertThat(binding.binds(binding.marker(ID, null, null), ID, null, null)).isTrue();
    }

    @Test
    void aMarkerShowsNothingAndOnlyTheSameKeyMakesIt() {
        String ada = binding.marker(ID, "email", "ada@example.org");

        assertThat(ada).matches("1\\.[A-Za-z0-9_-]{22}").doesNotContain("ada").doesNotContain(ID);
        assertThat(IdentityBinding.derivedFrom("token-of-the-site").marker(ID, "email", "ada@example.org"))
                .as("every node of the site (same token) makes the same marker").isEqualTo(ada);
        assertThat(IdentityBinding.derivedFrom("another-token").binds(ada, ID, "email", "ada@example.org"))
                .as("another key").isFalse();
    }

    @Test
    void hostileMarkersBindNothing() {
        // input: markers a client made up (empty, wrong version, oversized, control characters);
        // must hold: none binds the id to anyone, and none throws
        for (String forged : new String[] {"", "1.", "1.AAAAAAAAAAAAAAAAAAAAAA", "2." + "A".repeat(22),
                "1.AAAAAAAAAAAAAAAAAAAAAA\r\n", "x".repeat(100_000), null}) {
            assertThat(binding.binds(forged, ID, "email", "ada@example.org")).isFalse();
            assertThat(binding.binds(forged, ID, null, null)).isFalse();
        }
    }
}
