package io.lytx.servlet.it.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Browser-like HTTP requests against a deployment (real sockets, the JDK client). */
final class Browser {

    static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Browser() {
    }

    static URI resolve(URL base, String path) {
        return URI.create(base.toExternalForm()).resolve(path);
    }

    /** The origin of a deployment, e.g. {@code http://127.0.0.1:18089}. */
    static String origin(URL base) {
        URI u = URI.create(base.toExternalForm());
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    static HttpRequest.Builder request(URI uri, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("User-Agent", UA);
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    static HttpResponse<String> page(URI uri, String cookie) {
        return send(request(uri, cookie).header("Accept", HTML).GET().build());
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
}
