package io.lytx.bench.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

/** The benchmark request sends its cookies as a Cookie header and parses them per request, as a container does. */
class FakeRequestTest {

    private static FakeRequest request(Cookie... cookies) {
        return new FakeRequest("/a", null, new String[] {"Host", "localhost"}, cookies);
    }

    @Test
    void cookiesTravelAsAHeaderAndAreParsedIntoNewObjectsOncePerRequest() {
        // input: two cookies, the second's value holding '=' (as a base64 value may)
        FakeRequest request = request(new Cookie("seerid", "abc"), new Cookie("bind", "x=y="));

        // must hold: the header a browser would send; parsed names and values; the same array within a request
        assertThat(request.getHeader("cookie")).isEqualTo("seerid=abc; bind=x=y=");
        Cookie[] first = request.getCookies();
        assertThat(first).extracting(Cookie::getName).containsExactly("seerid", "bind");
        assertThat(first).extracting(Cookie::getValue).containsExactly("abc", "x=y=");
        assertThat(request.getCookies()).isSameAs(first);

        // must hold: the next request parses again, into new objects
        request.reset();
        Cookie[] second = request.getCookies();
        assertThat(second).isNotSameAs(first);
        assertThat(second[0]).isNotSameAs(first[0]);
        assertThat(second[0].getValue()).isEqualTo("abc");
    }

    @Test
    void parsingSkipsBlanksAndPairsWithoutAName() {
        // input: blanks around pairs, an empty pair, a pair without '=' and one with an empty name
        Cookie[] parsed = FakeRequest.parseCookies("  a=1 ;; junk; =2;b = 3 ");

        // must hold: only a and b, trimmed
        assertThat(parsed).extracting(Cookie::getName).containsExactly("a", "b");
        assertThat(parsed).extracting(Cookie::getValue).containsExactly("1", "3");
    }

    @Test
    void noCookiesMeansNoHeaderAndNull() {
        // input: no cookies; must hold: no header, getCookies null (as containers answer)
        FakeRequest request = request();

        assertThat(request.getHeader("Cookie")).isNull();
        assertThat(request.getCookies()).isNull();
    }

    @Test
    void aCookieHeaderAmongTheHeadersIsRefused() {
        // input: the cookies given as a raw header; must hold: refused (they would not be parsed)
        assertThatThrownBy(() -> new FakeRequest("/a", null, new String[] {"Cookie", "a=1"}, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
