package io.lytx.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxHttp;
import io.lytx.sandbox.SandboxOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The role → API table of the README, call by call, over real HTTP. */
class RolePermissionHttpTest {

    /** One probe call per (area, access). */
    private record Call(String name, String method, String path, String contentType, String body) {
    }

    private static final Map<String, Call> CALLS = new LinkedHashMap<>();

    static {
        add(new Call("entity read", "GET", "/api/entity/user/_uid/u_nobody", null, null));
        add(new Call("collect write", "POST", "/collect/json/roles", "application/json", "{\"_uid\":\"u_role_probe\"}"));
        add(new Call("segment read", "GET", "/api/segment", null, null));
        add(new Call("segment validate", "POST", "/api/segment/validate", "text/plain", "FILTER *"));
        add(new Call("segment write", "DELETE", "/api/segment/no_such_segment", null, null));
        add(new Call("schema read", "GET", "/api/schema/user", null, null));
        add(new Call("content read", "GET", "/api/content/doc", null, null));
        add(new Call("content write", "POST", "/api/content/doc/classify?text=running+shoes&url=example.org/roles",
                null, null));
        add(new Call("account read", "GET", "/api/account", null, null));
        add(new Call("account write", "DELETE", "/api/account/setting/private_fields", null, null));
        add(new Call("user read", "GET", "/api/user", null, null));
        add(new Call("token read", "GET", "/api/auth", null, null));
        add(new Call("token write", "DELETE", "/api/auth/no_such_token", null, null));
    }

    private static void add(Call c) {
        CALLS.put(c.name(), c);
    }

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "admin", CALLS.keySet(),
            "data_manager", Set.of("entity read", "collect write", "segment read", "segment validate", "segment write",
                    "schema read", "content read", "content write"),
            "marketer", Set.of("entity read", "segment read", "segment validate", "segment write", "content read"),
            "observer", Set.of("entity read", "segment read", "segment validate", "schema read", "content read",
                    "account read", "user read", "token read"),
            "data", Set.of("collect write"),
            "v2_segment_view", Set.of("segment read", "segment validate"),
            "v2_segment_manage", Set.of("segment read", "segment validate", "segment write"),
            "v2_account_settings_manage", Set.of("account read", "account write"),
            "authed2", Set.of());

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    static Stream<Arguments> roleAndCall() {
        return ALLOWED.keySet().stream().sorted()
                .flatMap(role -> CALLS.keySet().stream().map(call -> Arguments.of(role, call)));
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("roleAndCall")
    void eachRoleGetsExactlyItsCalls(String role, String callName) {
        String token = TOKENS.computeIfAbsent(role, r -> TestTokens.create(lytics.admin(), null, r));
        Call call = CALLS.get(callName);
        SandboxHttp.Reply r = lytics.admin().withToken(token).send(call.method(), call.path(), call.contentType(), call.body());
        if (ALLOWED.get(role).contains(callName)) {
            assertThat(r.status()).as("%s may %s: %s", role, callName, r.body()).isNotIn(401, 403);
        } else {
            assertThat(r.status()).as("%s may not %s: %s", role, callName, r.body()).isEqualTo(403);
            assertThat(r.message()).startsWith("Not authorized").contains(role);
        }
    }

    @Test
    void aDeniedCallChangesNothing() {
        String marketer = TestTokens.create(lytics.admin(), null, "marketer");
        // input: a marketer collecting an event -> 403, and no profile appears
        SandboxHttp.Reply denied = lytics.admin().withToken(marketer).postJson("/collect/json/roles",
                "{\"_uid\":\"u_denied_probe\",\"email\":\"denied@example.org\"}");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(lytics.admin().get("/api/entity/user/email/denied@example.org").message()).isEqualTo("Not Found");
    }

    @Test
    void rolesAreAdditive() {
        String both = TestTokens.create(lytics.admin(), null, "data", "v2_segment_view");
        SandboxHttp tokenClient = lytics.admin().withToken(both);
        assertThat(tokenClient.get("/api/segment").status()).isEqualTo(200);
        assertThat(tokenClient.postJson("/collect/json/roles", "{\"_uid\":\"u_additive\"}").status()).isEqualTo(200);
        assertThat(tokenClient.get("/api/account").status()).isEqualTo(403);
    }

    @Test
    void theTableCoversEveryRoleTheSandboxAccepts() {
        assertThat(RoleTable.roles()).containsAll(List.of("admin", "data_manager", "marketer", "observer", "data"));
    }
}
