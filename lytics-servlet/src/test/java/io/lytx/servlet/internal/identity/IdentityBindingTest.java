package io.lytx.servlet.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    @Test
    void markersAlreadyInBrowsersStillBind() {
        // input: markers written by the plugin before the per-thread MAC (release of 2026-12-07), for this
        // site's token; must hold: each still binds its id to its identity (else every returning browser
        // would get a new id), and is still the marker made today
        String anonymous = "1.jg90_XZOhd2Dhr8xq3T4Mg";
        String ada = "1.tDbEDs-k9WyROdYEObztMQ";
        String zoe = "1.WU4NnrnpgunOMl-qXQ4ebQ";

        assertThat(binding.binds(anonymous, ID, null, null)).isTrue();
        assertThat(binding.binds(ada, ID, "email", "ada@example.org")).isTrue();
        assertThat(binding.binds(zoe, ID, "email", "zo\u00eb@ex\u00e4mple.org")).as("non-ASCII identity").isTrue();
        assertThat(binding.marker(ID, null, null)).isEqualTo(anonymous);
        assertThat(binding.marker(ID, "email", "ada@example.org")).isEqualTo(ada);
        assertThat(binding.marker(ID, "email", "zo\u00eb@ex\u00e4mple.org")).isEqualTo(zoe);
    }

    @Test
    void theMarkerIsTheDocumentedMacOfTheJoinedText() {
        // input: ids and identities, some with non-ASCII and NUL-free odd characters; must hold: the marker
        // is "1." + base64url(first 16 bytes of HMAC-SHA-256(key, UTF-8 of id NUL [field NUL value]))
        // with key = HMAC-SHA-256(token, "lytx identity binding v1"), computed here the plain way
        String[][] cases = {
            {ID, null, null}, {OTHER_ID, null, null}, {ID, "email", "ada@example.org"},
            {OTHER_ID, "user_id", "\u65e5\u672c\u8a9e-\ud83d\ude00"}, {ID, "email", ""},
        };
        for (String[] c : cases) {
            String expected = referenceMarker("token-of-the-site", c[0], c[1], c[2]);
            assertThat(binding.marker(c[0], c[1], c[2])).as(c[0] + " " + c[1]).isEqualTo(expected);
            assertThat(binding.binds(expected, c[0], c[1], c[2])).isTrue();
        }
    }

    @Test
    void markersOfWrongLengthAlphabetOrVersionBindNothing() {
        // input: the valid marker of an anonymous visitor, altered by one thing each; must hold: only the
        // exact text binds (no other version, no padding, no standard-base64 characters, no other case)
        String valid = binding.marker(ID, null, null);
        String text = valid.substring(2);
        List<String> altered = new ArrayList<>(List.of(
                "2." + text, "1:" + text, "1." + text + "=", "1." + text + "==", "1." + text + "A",
                "1." + text.substring(1), " " + valid, valid + " ", valid.toUpperCase(java.util.Locale.ROOT),
                valid.toLowerCase(java.util.Locale.ROOT), "1.+" + text.substring(1), "1./" + text.substring(1),
                "1.=" + text.substring(1), "1.\u00e9" + text.substring(1)));
        for (int i = 0; i < text.length(); i++) {
            // every single character changed to its neighbour in the alphabet (the last one too: the four
            // texts that decode to the same 16 bytes are not accepted either)
            char c = text.charAt(i);
            char other = c == 'z' ? 'y' : (char) (c + 1);
            altered.add("1." + text.substring(0, i) + other + text.substring(i + 1));
        }
        for (String marker : altered) {
            if (!marker.equals(valid)) {
                assertThat(binding.binds(marker, ID, null, null)).as(marker).isFalse();
            }
        }
        assertThat(binding.binds(valid, ID, null, null)).as("the unaltered marker").isTrue();
    }

    @Test
    void threadsCheckingAtOnceGetTheirOwnAnswers() throws Exception {
        // input: 4 threads, started together, each checking 2,000 times a marker that binds and one of
        // another identity, for ids of their own; must hold: every answer is right (a MAC shared
        // between threads would mix their bytes)
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String id = "21c033ae-567a-49b1-9935-35e79a05655" + t;
                String user = "user" + t + "@example.org";
                String own = binding.marker(id, "email", user);
                String anonymous = binding.marker(id, null, null);
                wrong.add(pool.submit(() -> {
                    start.await();
                    int errors = 0;
                    for (int i = 0; i < 2_000; i++) {
                        errors += binding.binds(own, id, "email", user) ? 0 : 1;
                        errors += binding.binds(anonymous, id, "email", user) ? 1 : 0;
                        errors += binding.marker(id, null, null).equals(anonymous) ? 0 : 1;
                    }
                    return errors;
                }));
            }
            for (Future<Integer> f : wrong) {
                assertThat(f.get()).as("wrong answers of one thread").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The marker format computed the plain way, independently of the class (its specification). */
    private static String referenceMarker(String token, String id, String field, String value) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = derive.doFinal("lytx identity binding v1".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String text = id + '\u0000' + (field == null ? "" : field + '\u0000' + value);
            byte[] full = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] cut = java.util.Arrays.copyOf(full, 16);
            return "1." + Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
