package io.lytx.servlet.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A small HTTP helper for the tests: browser-like requests, sandbox admin calls. */
final class Http {

    static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** A minted visitor id: a UUID version 4 (the tests do not load the plugin's own classes). */
    static final java.util.regex.Pattern UUID_V4 = java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    static boolean isMintedId(String value) {
        return value != null && UUID_V4.matcher(value).matches();
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Http() {
    }

    /** The deployment's base URI, always ending in {@code /} (Tomcat's injected URL lacks it). */
    static URI base(java.net.URL url) {
        String s = url.toExternalForm();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    static HttpClient client() {
        return CLIENT;
    }

    /** A browser navigation request builder (User-Agent and Accept of a browser). */
    static HttpRequest.Builder page(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("User-Agent", BROWSER_UA).header("Accept", HTML_ACCEPT);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET of a page as a browser, with an optional cookie header. */
    static HttpResponse<String> getPage(URI uri, String cookieHeader) {
        HttpRequest.Builder b = page(uri);
        if (cookieHeader != null) {
            b.header("Cookie", cookieHeader);
        }
        return send(b.GET().build());
    }

    /**
     * A browser's same-origin {@code POST} of one event to the collect endpoint (Origin = the
     * endpoint's own origin, as a page of the site sends it).
     *
     * @param collect the endpoint, e.g. {@code .../lytics/collect}
     * @param cookie  the Cookie header, or null
     * @param json    the body
     */
    static HttpResponse<String> postEvent(URI collect, String cookie, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(collect).timeout(Duration.ofSeconds(30))
                .header("User-Agent", BROWSER_UA).header("Content-Type", "application/json")
                .header("Origin", collect.getScheme() + "://" + collect.getRawAuthority());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /**
     * Serves the page to {@code count} new visitors (no cookie), each answered 200 with a fresh
     * {@code seerid}.
     *
     * @return the minted visitor ids, in order
     * @throws AssertionError when a page is not 200 or sets no {@code seerid}
     */
    static List<String> newVisitors(URI page, int count) {
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = getPage(page, null);
            String id = setCookieValue(r, "seerid");
            if (r.statusCode() != 200 || id == null) {
                throw new AssertionError("page " + page + " answered " + r.statusCode() + " with seerid " + id);
            }
            visitors.add(id);
        }
        return visitors;
    }

    /** Parses the {@code key=value} lines of the test page. */
    static Map<String, String> lines(String body) {
        Map<String, String> out = new HashMap<>();
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    /** The value of cookie {@code name} in the response's Set-Cookie headers, or null. */
    static String setCookieValue(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) {
                int semi = header.indexOf(';');
                return header.substring(name.length() + 1, semi < 0 ? header.length() : semi);
            }
        }
        return null;
    }

    /** The full Set-Cookie header for cookie {@code name}, or null. */
    static String setCookieHeader(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("set-cookie")) {
            if (header.startsWith(name + "=")) {
                return header;
            }
        }
        return null;
    }

    /**
     * A browser's cookie jar, enough for the tests: keeps {@code name=value} of each {@code Set-Cookie}
     * (one path and domain), removes those with {@code Max-Age=0}. Not thread-safe.
     */
    static final class CookieJar {
        private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        /** Takes the response's {@code Set-Cookie} headers; returns the response. */
        <T> HttpResponse<T> take(HttpResponse<T> response) {
            for (String header : response.headers().allValues("set-cookie")) {
                int eq = header.indexOf('=');
                int semi = header.indexOf(';');
                String name = header.substring(0, eq);
                String value = header.substring(eq + 1, semi < 0 ? header.length() : semi);
                if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        String get(String name) {
            return cookies.get(name);
        }

        void remove(String name) {
            cookies.remove(name);
        }

        /** The {@code Cookie} header, or null when empty. */
        String header() {
            if (cookies.isEmpty()) {
                return null;
            }
            StringBuilder out = new StringBuilder();
            cookies.forEach((n, v) -> out.append(out.length() == 0 ? "" : "; ").append(n).append('=').append(v));
            return out.toString();
        }
    }
}
