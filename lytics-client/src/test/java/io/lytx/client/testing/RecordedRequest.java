package io.lytx.client.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request exactly as it arrived on the wire at a {@link StubLyticsServer}.
 *
 * @param requestLine  the raw request line, e.g. {@code GET /api/entity/user/email/a%40b HTTP/1.1}
 * @param method       the method
 * @param target       the raw request target (path and query, not decoded)
 * @param headers      header names lower-cased, values in arrival order
 * @param body         the body bytes (de-chunked when sent chunked)
 * @param chunked      whether the body came with {@code Transfer-Encoding: chunked}
 * @param connectionId which TCP connection carried it (1 for the first accepted, and so on)
 */
public record RecordedRequest(String requestLine, String method, String target, Map<String, List<String>> headers,
                              byte[] body, boolean chunked, int connectionId) {

    /** @return the raw path, before any {@code ?} */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** @return the raw query after {@code ?}, or empty */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /**
     * @param name header name, any case
     * @return the first value of that header
     */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the request line and header names only (no header values: they may hold the token) */
    @Override
    public String toString() {
        return "RecordedRequest[" + requestLine + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
