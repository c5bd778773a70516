package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscaperTest {

    @Test
    void markupAndAttributeBreakoutsBecomeText() {
        assertThat(HtmlEscaper.escape("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(HtmlEscaper.escape("\"><img src=x onerror=alert(1)>"))
                .isEqualTo("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
        assertThat(HtmlEscaper.escape("it's Tom & Jerry")).isEqualTo("it&#39;s Tom &amp; Jerry");
        assertThat(HtmlEscaper.escape(null)).isEmpty();
        assertThat(HtmlEscaper.escape("plain")).isEqualTo("plain");
    }
}
