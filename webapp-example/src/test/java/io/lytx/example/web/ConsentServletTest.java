package io.lytx.example.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentServletTest {

    @Test
    void goesBackToAPageOfThisApplication() {
        assertThat(ConsentServlet.localPath("/articles/cooking/knife-skills", "")).isEqualTo("/articles/cooking/knife-skills");
        assertThat(ConsentServlet.localPath("/shop/thymeleaf", "/shop")).isEqualTo("/shop/thymeleaf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "javascript:alert(1)", "", "relative/path"})
    void neverRedirectsElsewhere(String back) {
        // input: a "back" parameter naming another site or no local page; must hold: the target is the home page
        assertThat(ConsentServlet.localPath(back, "")).as("back=%s", back).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a\r\nSet-Cookie: x=1", "/%0d%0aSet-Cookie:%20x=1", "/%0D%0A", "/\\evil.example/", "/%5cevil",
            "/%zz", "/%", "/a b", "/caf\u00e9", "/%ff%fe", "/<script>"})
    void malformedPathsAreRefused(String back) {
        // input: a "back" that is no well-formed path (CR LF raw or percent-encoded, backslashes, broken
        // encodings, spaces, non-ASCII, markup); must hold: null, which the servlet answers with a plain 400
        assertThat(ConsentServlet.localPath(back, "")).as("back=%s", back).isNull();
    }

    @Test
    void aPathOutsideTheContextGoesHome() {
        // input: back=/other with context /shop; must hold: the home page of /shop
        assertThat(ConsentServlet.localPath("/other", "/shop")).isEqualTo("/shop/");
        assertThat(ConsentServlet.localPath(null, "/shop")).isEqualTo("/shop/");
    }
}
