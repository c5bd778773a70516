package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.LyticsSandbox;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code api_ip_whitelist} enforced on the socket address of real connections (127.0.0.1 and
 * ::1), and on forwarded addresses only behind a trusted proxy.
 */
class AllowlistHttpTest {

    private static SandboxOptions options() {
        return SandboxOptions.defaults().withDemoData(false);
    }

    private static int setAllowlistAndCall(SandboxHttp admin, String rangesJson, Map<String, String> headers) {
        assertThat(admin.putJson("/api/account/setting/api_ip_whitelist", rangesJson).status()).isEqualTo(200);
        return admin.send("GET", "/api/account/current", null, null, headers).status();
    }

    @Test
    void ipv4LoopbackInsideAndOutsideTheRanges() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(options())) {
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            assertThat(setAllowlistAndCall(admin, "[\"10.0.0.0/8\", \"127.0.0.0/8\"]", Map.of())).isEqualTo(200);
            assertThat(setAllowlistAndCall(admin, "[\"127.0.0.1/32\"]", Map.of())).isEqualTo(200);
            // input: 127.0.0.1 outside every range (v4 and v6 ranges listed) -> 403, and locked out
            assertThat(setAllowlistAndCall(admin, "[\"10.0.0.0/8\", \"::1/128\"]", Map.of())).isEqualTo(403);
            SandboxHttp.Reply denied = admin.get("/api/account/setting/api_ip_whitelist");
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.message()).contains("127.0.0.1").contains("api_ip_whitelist");
            // the sandbox control endpoints stay reachable, so a test can recover
            assertThat(admin.send("POST", "/_sandbox/reset", null, null).status()).isEqualTo(200);
            assertThat(admin.get("/api/account/current").status()).isEqualTo(200);
        }
    }

    @Test
    void ipv6LoopbackInsideAndOutsideTheRanges() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(options().withHost("::1"))) {
            assertThat(sandbox.baseUri().getHost()).isEqualTo("[::1]");
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            assertThat(setAllowlistAndCall(admin, "[\"::1/128\"]", Map.of())).isEqualTo(200);
            assertThat(setAllowlistAndCall(admin, "[\"::/0\"]", Map.of())).isEqualTo(200);
            // input: ::1 against a v4 range that holds 127.0.0.1 -> 403 (families do not mix)
            assertThat(setAllowlistAndCall(admin, "[\"127.0.0.0/8\"]", Map.of())).isEqualTo(403);
            sandbox.reset();
            // input: ::1 outside a documentation v6 range -> 403
            assertThat(setAllowlistAndCall(admin, "[\"2001:db8::/32\"]", Map.of())).isEqualTo(403);
        }
    }

    @Test
    void proxyHeadersAreIgnoredWithoutATrustedProxy() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(options())) {
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            // input: a client claiming an allowed address in X-Forwarded-For -> still judged by its socket
            assertThat(setAllowlistAndCall(admin, "[\"203.0.113.0/24\"]", Map.of("X-Forwarded-For", "203.0.113.7")))
                    .isEqualTo(403);
            sandbox.reset();
            assertThat(setAllowlistAndCall(admin, "[\"127.0.0.1\"]", Map.of("X-Forwarded-For", "203.0.113.7")))
                    .isEqualTo(200);
        }
    }

    @Test
    void behindATrustedProxyTheForwardedAddressCounts() {
        try (LyticsSandbox sandbox = LyticsSandbox.start(options().withTrustedProxies(List.of("127.0.0.1/32")))) {
            SandboxHttp admin = new SandboxHttp(sandbox.baseUri(), sandbox.adminToken());
            assertThat(setAllowlistAndCall(admin, "[\"203.0.113.0/24\", \"127.0.0.1\"]", Map.of())).isEqualTo(200);
            assertThat(admin.send("GET", "/api/account/current", null, null,
                    Map.of("X-Forwarded-For", "203.0.113.7")).status()).isEqualTo(200);
            assertThat(admin.send("GET", "/api/account/current", null, null,
                    Map.of("X-Forwarded-For", "198.51.100.1")).status()).isEqualTo(403);
            assertThat(admin.send("GET", "/api/account/current", null, null,
                    Map.of("Forwarded", "for=198.51.100.1")).status()).isEqualTo(403);
            sandbox.reset();
            assertThat(setAllowlistAndCall(admin, "[\"2001:db8::/32\", \"127.0.0.1\"]",
                    Map.of("Forwarded", "for=\"[2001:db8::5]:4711\""))).isEqualTo(200);
            assertThat(admin.send("GET", "/api/account/current", null, null,
                    Map.of("X-Forwarded-For", "2001:db9::5")).status()).isEqualTo(403);
        }
    }
}
