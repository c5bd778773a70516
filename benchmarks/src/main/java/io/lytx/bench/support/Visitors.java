package io.lytx.bench.support;

import io.lytx.bench.servlet.FakeRequest;
import jakarta.servlet.http.Cookie;

/** Browser requests of one visitor, and visitor ids in the format the filter mints. */
public final class Visitors {

    private Visitors() {
    }

    /**
     * A visitor id (UUID v4 text) for a number.
     *
     * @param n any number
     * @return the id
     */
    public static String id(long n) {
        String hex = Long.toHexString(n & 0xFFFF_FFFF_FFFFL);
        return "00000000-0000-4000-8000-" + "000000000000".substring(hex.length()) + hex;
    }

    /**
     * A returning browser's GET of an HTML page, with the visitor's {@code seerid} cookie.
     *
     * @param visitorId the cookie value
     * @param path      the page path
     * @return a new request
     */
    public static FakeRequest pageRequest(String visitorId, String path) {
        return new FakeRequest(path, null, new String[] {
            "Host", "localhost:8080",
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language", "en-US,en;q=0.9",
            "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/131.0.0.0 Safari/537.36",
        }, new Cookie[] {new Cookie("seerid", visitorId)});
    }
}
