package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CookieDeferringResponseTest {

    @Test
    void publicAndSharedMaxAgeMakeAResponseSharedCacheable() {
        // RFC 9111 section 5.2.2.9 (public) and 5.2.2.10 (s-maxage); directive names are case-insensitive
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("public, max-age=60"))).isTrue();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("max-age=0, s-maxage=30"))).isTrue();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("PUBLIC"))).isTrue();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("no-cache", " S-MaxAge = 5"))).isTrue();
    }

    @Test
    void privateOrAbsentCacheControlIsNotSharedCacheable() {
        assertThat(CookieDeferringResponse.sharedCacheable(null)).isFalse();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of())).isFalse();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("private, max-age=60"))).isFalse();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("no-store"))).isFalse();
        assertThat(CookieDeferringResponse.sharedCacheable(List.of("max-age=60, x-publicity=1"))).isFalse();
    }
}
