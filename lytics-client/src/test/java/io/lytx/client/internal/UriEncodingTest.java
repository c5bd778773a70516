package io.lytx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UriEncodingTest {

    @Test
    void onlyUnreservedCharactersStayLiteral() {
        assertThat(UriEncoding.encode("AZaz09-_~")).isEqualTo("AZaz09-_~");
        assertThat(UriEncoding.encode("./%?#;& +=\r\n")).isEqualTo("%2E%2F%25%3F%23%3B%26%20%2B%3D%0D%0A");
        assertThat(UriEncoding.encode("é")).isEqualTo("%C3%A9");
    }

    @Test
    void queryValuesKeepCommasLiteral() {
        assertThat(UriEncoding.queryValue("a,b c")).isEqualTo("a,b%20c");
    }

    @Test
    void blankSegmentIsRefusedNamingTheParameter() {
        // input: an empty identity value; must: fail naming "value" instead of producing "//" in the path
        assertThatThrownBy(() -> UriEncoding.segment("", "value")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must not be blank");
    }
}
