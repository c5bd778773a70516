package io.lytx.servlet.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lytx.client.testing.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security: hostile {@code seerid} values never reach the upstream request line (asserted on what
 * the recording upstream received); the API token appears in no response body, header, cookie or
 * log line. Requests are written on raw sockets so the hostile bytes reach the container unchanged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final String TOKEN = "tok-" + UUID.randomUUID().toString().replace("-", "");
    private static final Pattern ENTITY_LINE = Pattern.compile(
            "GET /api/entity/user/_uid/([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})(\\?[^ ]*)? HTTP/1\\.1");

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive app() {
        LogCapture.install();
        return TestApps.withPlugin("hostile", Map.of(
                "lytics.api.url", RecordingUpstream.get().baseUri().toString(),
                "lytics.api.token", TOKEN,
                "lytics.budget.ms", "1000",
                "lytics.batch.linger.ms", "50",
                "lytics.status.enabled", "true"));
    }

    /** Writes one raw HTTP/1.1 request with the given Cookie header bytes; returns the raw response. */
    private String raw(String path, byte[] cookieHeaderValue) throws IOException {
        URI uri = Http.base(base).resolve(path);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.writeBytes(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUser-Agent: " + Http.BROWSER_UA + "\r\nAccept: " + Http.HTML_ACCEPT
                    + "\r\nConnection: close\r\n").getBytes(StandardCharsets.US_ASCII));
            if (cookieHeaderValue != null) {
                req.writeBytes("Cookie: ".getBytes(StandardCharsets.US_ASCII));
                req.writeBytes(cookieHeaderValue);
                req.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            req.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void hostileCookieValuesNeverChangeTheUpstreamRequestLine() throws IOException {
        List<byte[]> hostile = List.of(
                "seerid=../../api/account".getBytes(StandardCharsets.US_ASCII),
                "seerid=%2F..".getBytes(StandardCharsets.US_ASCII),
                "seerid=..%2F..%2Fapi%2Faccount%3Fx%3D".getBytes(StandardCharsets.US_ASCII),
                "seerid=u_1%0D%0AX-Injected:%201".getBytes(StandardCharsets.US_ASCII),
                "seerid=u_1\rX-Injected: 1".getBytes(StandardCharsets.ISO_8859_1),
                ("seerid=" + "9".repeat(10 * 1024)).getBytes(StandardCharsets.US_ASCII),
                "seerid=ü670591093815502600".getBytes(StandardCharsets.UTF_8),
                "seerid=\"u_670591093815502600/../../x\"".getBytes(StandardCharsets.US_ASCII));
        int before = RecordingUpstream.get().requests().size();
        List<String> minted = new ArrayList<>();
        for (byte[] cookie : hostile) {
            String response = raw("page", cookie);
            String status = response.substring(0, response.indexOf('\r'));
            if (status.contains(" 200 ")) {
                Matcher m = Pattern.compile("Set-Cookie: seerid=([^;\r]+)", Pattern.CASE_INSENSITIVE).matcher(response);
                assertThat(m.find()).as("a fresh cookie replaces %s", new String(cookie, StandardCharsets.ISO_8859_1)
                        .substring(0, Math.min(60, cookie.length))).isTrue();
                assertThat(Http.isMintedId(m.group(1))).isTrue();
                minted.add(m.group(1));
            } else {
                // the container itself refused the request (e.g. 400 for a bare CR, 431 for 10 KB)
                assertThat(status).matches("HTTP/1\\.1 4\\d\\d .*");
            }
        }
        assertThat(minted).as("requests that reached the filter").hasSizeGreaterThanOrEqualTo(4);

        // and one returning visitor with a valid id, whose lookup is the only one the upstream may see
        String returning = UUID.randomUUID().toString();
        raw("page", ("seerid=" + returning).getBytes(StandardCharsets.US_ASCII));

        // every replaced cookie is a brand-new visitor: its page view reaches Lytics under the minted id
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String bodies = RecordingUpstream.get().requests().stream().skip(before)
                    .filter(r -> r.path().startsWith("/collect/json/")).map(RecordedRequest::bodyText)
                    .reduce("", String::concat);
            return minted.stream().allMatch(id -> bodies.contains("\"_uid\":\"" + id + "\""));
        });
        List<RecordedRequest> received = RecordingUpstream.get().requests().subList(before,
                RecordingUpstream.get().requests().size());
        List<String> entityLines = received.stream().map(RecordedRequest::requestLine)
                .filter(l -> l.contains("/api/entity")).toList();
        assertThat(entityLines).as("profile lookups: none for ids minted on the request (Lytics cannot know them), "
                + "one for the returning visitor").hasSize(1);
        Matcher line = ENTITY_LINE.matcher(entityLines.get(0));
        assertThat(line.matches()).as("upstream request line %s", entityLines.get(0)).isTrue();
        assertThat(line.group(1)).isEqualTo(returning);
        for (RecordedRequest r : received) {
            assertThat(r.requestLine()).doesNotContain("..").doesNotContain("account").doesNotContain("Injected");
            assertThat(r.bodyText()).doesNotContain("../").doesNotContain("%2F").doesNotContain("Injected")
                    .doesNotContain("99999999999999999999");
        }
    }

    @Test
    void tokenAppearsInNoResponseAndNoLogLine() throws IOException {
        int before = RecordingUpstream.get().requests().size();
        List<String> responses = new ArrayList<>();
        responses.add(raw("page", null));
        responses.add(raw("page", "seerid=../../api/account".getBytes(StandardCharsets.US_ASCII)));
        responses.add(raw("forward", null));
        responses.add(raw("lytics/status", null));
        responses.add(raw("no-such-page", null));
        responses.add(raw("app.css", null));

        for (String r : responses) {
            assertThat(r).as("raw response (status line, headers, cookies, body)").doesNotContain(TOKEN);
        }
        assertThat(responses.get(3)).contains("\"lytics.api.token\":\"set\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> RecordingUpstream.get().requests().size() > before);
        assertThat(RecordingUpstream.get().requests().subList(before, RecordingUpstream.get().requests().size()))
                .as("the token is used upstream (positive control)")
                .allSatisfy(r -> assertThat(r.header("Authorization")).contains(TOKEN));
        assertThat(LogCapture.install().lines()).as("log lines").noneMatch(line -> line.contains(TOKEN));
    }
}
