package io.lytx.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    private static SandboxOptions parse(String... args) {
        return Main.parse(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void defaultsAreLoopbackPort8181GeneratedTokenMemoryAndDemoData() {
        SandboxOptions o = parse();
        assertThat(o.host()).isEqualTo("127.0.0.1");
        assertThat(o.port()).isEqualTo(8181);
        assertThat(o.adminToken()).isEmpty();
        assertThat(o.dataDir()).isEmpty();
        assertThat(o.demoData()).isTrue();
        assertThat(o.trustedProxies()).isEmpty();
        assertThat(o.identityFields()).containsExactly("_uids", "email", "user_id");
    }

    @Test
    void everyOptionIsRead() {
        SandboxOptions o = parse("--host", "::1", "--port", "0", "--token", "s3cret", "--data", "/tmp/x",
                "--no-demo-data", "--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "::1",
                "--identity-fields", "_uid, email,crm_id");
        assertThat(o.host()).isEqualTo("::1");
        assertThat(o.port()).isZero();
        assertThat(o.adminToken()).contains("s3cret");
        assertThat(o.dataDir()).contains(Path.of("/tmp/x"));
        assertThat(o.demoData()).isFalse();
        assertThat(o.trustedProxies()).isEqualTo(List.of("10.0.0.0/8", "::1"));
        assertThat(o.identityFields()).containsExactly("_uids", "email", "crm_id");
        assertThat(o.toString()).doesNotContain("s3cret");
    }

    @Test
    void helpPrintsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Main.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8))).isNull();
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--host", "--port", "--token", "--data", "--no-demo-data", "--trusted-proxy",
                "--identity-fields", "--help")) {
            assertThat(help).contains(option);
        }
    }

    @Test
    void badCommandLinesNameTheProblem() {
        // input: an unknown option -> named
        assertThatThrownBy(() -> parse("--verbose")).hasMessage("unknown option \"--verbose\"");
        // input: an option without its value -> named
        assertThatThrownBy(() -> parse("--port")).hasMessage("--port needs a value");
        assertThatThrownBy(() -> parse("--data", "--no-demo-data")).hasMessage("--data needs a value");
        // input: a port that is no number or out of range
        assertThatThrownBy(() -> parse("--port", "http")).hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> parse("--port", "70000")).hasMessageContaining("0..65535");
        // input: a trusted proxy that is no CIDR
        assertThatThrownBy(() -> parse("--trusted-proxy", "gateway")).hasMessageContaining("\"gateway\"");
        // input: a blank token
        assertThatThrownBy(() -> parse("--token", " ")).hasMessageContaining("adminToken");
        // input: identity fields without the cookie id, with an empty item, with a space inside a name
        assertThatThrownBy(() -> parse("--identity-fields", "email,user_id"))
                .hasMessageStartingWith("--identity-fields: ").hasMessageContaining("must include _uid");
        assertThatThrownBy(() -> parse("--identity-fields", "_uid,,email"))
                .hasMessageContaining("identity field \"\" is not a field name");
        assertThatThrownBy(() -> parse("--identity-fields", "_uid,crm id"))
                .hasMessageContaining("\"crm id\"");
    }

    @Test
    void embeddedStartPicksAFreePortAndGeneratesAToken() {
        LyticsSandbox a = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false));
        try (LyticsSandbox b = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false))) {
            assertThat(a.baseUri().getPort()).isPositive().isNotEqualTo(b.baseUri().getPort());
            assertThat(a.baseUri().toString()).startsWith("http://127.0.0.1:").endsWith("/");
            assertThat(a.adminToken()).isNotEqualTo(b.adminToken()).hasSizeGreaterThan(20);
            a.close();
            a.close(); // idempotent
            assertThat(new SandboxHttp(b.baseUri(), b.adminToken()).get("/api/account").status()).isEqualTo(200);
        } finally {
            a.close();
        }
    }

    @Test
    void aSecondSandboxOnTheSameDataDirectoryIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) {
        try (LyticsSandbox first = LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false).withDataDir(dir))) {
            assertThat(first.baseUri()).isNotNull();
            assertThatThrownBy(() -> LyticsSandbox.start(SandboxOptions.defaults().withDemoData(false).withDataDir(dir)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        }
    }
}
