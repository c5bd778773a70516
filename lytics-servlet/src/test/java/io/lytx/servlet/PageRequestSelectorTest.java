package io.lytx.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageRequestSelectorTest {

    @Test
    void browserNavigationAcceptsHtml() {
        assertThat(PageRequestSelector.acceptsHtml(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("application/xhtml+xml")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("TEXT/HTML; charset=utf-8")).isTrue();
    }

    @Test
    void apiAndAssetRequestsDoNot() {
        assertThat(PageRequestSelector.acceptsHtml("*/*")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("application/json")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("image/webp,*/*")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=0")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=0.000, application/json")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml(null)).isFalse();
        // input: an oversized Accept header is not examined
        assertThat(PageRequestSelector.acceptsHtml("x/y,".repeat(2000) + "text/html")).isFalse();
    }

    @Test
    void qValuesOfZeroRefuseHtmlWhateverTheirSpellingAndOtherParameters() {
        assertThat(PageRequestSelector.acceptsHtml("text/html; q=0.")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("text/html;level=1;Q=0.00")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml(" application/xhtml+xml ; q=0 ")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=0.001")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=0.0000")).as("not a zero q-value as written").isTrue();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=00")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("text/html;level=1;q=0.5")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("text/html;q=0, \u2003TEXT/HTML\u2003;q=1")).isTrue();
        assertThat(PageRequestSelector.acceptsHtml("text/htmlx, text/htm, ;text/html")).isFalse();
        assertThat(PageRequestSelector.acceptsHtml(",,text/html;;")).isTrue();
    }
}
