package io.lytx.servlet.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class HeadMarkupTest {

    private static final JsonObject BOOT = Json.createObjectBuilder().add("v", 1).add("x", "</script>").build();

    @Test
    void bootstrapThenHelperWithNonceThenOfficialTagConfiguredWithTheServerCookie() {
        String html = HeadMarkup.render(ScriptJson.write(BOOT), "/ctx/lytics/lytics-helper.abc.js", "bm9uY2U=", 1500,
                "https://c.lytics.io/api/tag/acc1/latest.min.js", "seerid");
        int boot = html.indexOf("id=\"lytics-bootstrap\"");
        int helper = html.indexOf("<script src=\"/ctx/lytics/lytics-helper.abc.js\" nonce=\"bm9uY2U=\" data-lytics-timeout=\"1500\"></script>");
        int tag = html.indexOf("jstag.init(");
        assertThat(boot).isNotNegative();
        assertThat(helper).isGreaterThan(boot);
        assertThat(tag).as("official tag after the helper").isGreaterThan(helper);
        assertThat(html).contains("\"cookie\":\"seerid\"").contains("\"loadid\":false")
                .contains("\"src\":\"https://c.lytics.io/api/tag/acc1/latest.min.js\"")
                .contains("<script nonce=\"bm9uY2U=\">(function(w,d)")
                .contains("s.async=true"); // the official tag loads async; the helper line above has neither async nor defer
        assertThat(html.split("</script>", -1)).as("three script elements, none broken by the bootstrap").hasSize(4);
    }

    @Test
    void invalidNoncesAndUnsafeTagSourcesAreLeftOut() {
        // input: a nonce trying to break out of the attribute, and a javascript: tag source
        String html = HeadMarkup.render(ScriptJson.write(BOOT), "/h.js", "x\" onload=\"alert(1)", null, "javascript:alert(1)", "seerid");
        assertThat(html).doesNotContain("nonce").doesNotContain("onload").doesNotContain("jstag")
                .contains("<script src=\"/h.js\"></script>");
        assertThat(HeadMarkup.validNonce("abc+/=_-")).isTrue();
        assertThat(HeadMarkup.validNonce("a b")).isFalse();
        assertThat(HeadMarkup.validNonce(null)).isFalse();
    }
}
