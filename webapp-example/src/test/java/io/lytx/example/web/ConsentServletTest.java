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
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)",
            "/a\r\nSet-Cookie: x=1", "", "relative/path"})
    void neverRedirectsElsewhere(String back) {
        // input: a hostile or malformed "back" parameter; must hold: the redirect target is the home page
        assertThat(ConsentServlet.localPath(back, "")).as("back=%s", back).isEqualTo("/");
    }

    @Test
    void aPathOutsideTheContextGoesHome() {
        // input: back=/other with context /shop; must hold: the home page of /shop
        assertThat(ConsentServlet.localPath("/other", "/shop")).isEqualTo("/shop/");
        assertThat(ConsentServlet.localPath(null, "/shop")).isEqualTo("/shop/");
    }
}
