package io.lytx.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.sandbox.SandboxExtension;
import io.lytx.sandbox.SandboxOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Errors raised before Jersey routes a request (the URI cannot be parsed) answer with the same JSON
 * envelope as every other error ({@code {"data":null,"message":...,"status":400}}, Lytics' error
 * shape: docs/lytics-api.md §2), not Grizzly's HTML page with a stack trace. Sent over a raw
 * socket, since Java's HTTP client refuses to send such a URI.
 */
class PreRoutingErrorHttpTest {

    @RegisterExtension
    static final SandboxExtension lytics = new SandboxExtension(SandboxOptions.defaults().withDemoData(false));

    private static String raw(String target, String token) throws IOException {
        try (Socket s = new Socket("127.0.0.1", lytics.sandbox().baseUri().getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (token == null ? "" : "Authorization: " + token + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/segment?x=<a>", "/api/entity/user/email/a?fields=<script>", "/c/1?url=<b>"})
    void anUnparsableRequestUriIsA400Envelope(String target) throws IOException {
        for (String token : new String[] {lytics.sandbox().adminToken(), null}) {
            String answer = raw(target, token);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);

            assertThat(head).as("input: GET " + target).startsWith("http/1.1 400")
                    .contains("content-type: application/json");
            assertThat(body).doesNotContain("<html", "Grizzly", "java.net", "at org.");
            Map<String, Object> json = asMap(JsonInput.parse(new java.io.ByteArrayInputStream(
                    body.getBytes(StandardCharsets.UTF_8))));
            assertThat(json.keySet()).containsExactlyInAnyOrder("data", "message", "status");
            assertThat(json.get("data")).isNull();
            assertThat(json.get("status")).isEqualTo(new BigDecimal(400));
            assertThat((String) json.get("message")).contains("not a valid URI", "percent-encode");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object parsed) {
        return (Map<String, Object>) parsed;
    }
}
