package io.lytx.servlet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathPatternsTest {

    @Test
    void exactPrefixAndExtensionPatterns() {
        PathPatterns p = PathPatterns.parse("/home, /shop/*, *.HTML");

        assertThat(p.matches("/home")).isTrue();
        assertThat(p.matches("/home/x")).isFalse();
        assertThat(p.matches("/shop")).isTrue();
        assertThat(p.matches("/shop/item/1")).isTrue();
        assertThat(p.matches("/shopping")).isFalse();
        assertThat(p.matches("/a/b.html")).isTrue();
        assertThat(p.matches("/a.html/b")).isFalse();
        assertThat(p.matches(null)).isFalse();
    }

    @Test
    void emptyListMatchesNothing() {
        assertThat(PathPatterns.parse(" , ").isEmpty()).isTrue();
        assertThat(PathPatterns.parse("").matches("/")).isFalse();
    }

    @Test
    void malformedPatternsAreRejectedNamingThePattern() {
        // input: patterns that are neither /exact, /prefix/* nor *.ext
        assertThatThrownBy(() -> PathPatterns.parse("shop/*")).hasMessageContaining("shop/*");
        assertThatThrownBy(() -> PathPatterns.parse("/a/*/b")).hasMessageContaining("/a/*/b");
        assertThatThrownBy(() -> PathPatterns.parse("*.")).hasMessageContaining("*.");
        assertThatThrownBy(() -> PathPatterns.extensions("css,j/s")).hasMessageContaining("j/s");
    }

    @Test
    void bareExtensionsList() {
        PathPatterns p = PathPatterns.extensions("css, .js ,woff2");

        assertThat(p.matches("/static/app.CSS")).isTrue();
        assertThat(p.matches("/app.js")).isTrue();
        assertThat(p.matches("/font.woff2")).isTrue();
        assertThat(p.matches("/page")).isFalse();
        assertThat(p.matches("/v1.2/page")).isFalse();
    }
}
