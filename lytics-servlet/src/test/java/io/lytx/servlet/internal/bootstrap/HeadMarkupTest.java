package io.lytx.servlet.internal.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class HeadMarkupTest {

    private static final JsonObject BOOT = Json.createObjectBuilder().add("v", 1).add("x", "</script>").build();

    @Test
    void bootstrapThenHelperWithNonceThenOfficialTagConfiguredWithTheServerCookie() {
        String html = HeadMarkup.render(ScriptJson.write(BOOT), "/ctx/lytics/lytics-helper.abc.js", "bm9uY2U=", 1500,
                "https://c.lytics.io/api/tag/acc1/latest.min.js", "seerid");
        int boot = html.indexOf("id=\"lytics-bootstrap\"");
        int helper = html.indexOf("<script src=\"/ctx/lytics/lytics-helper.abc.js\" nonce=\"bm9uY2U=\" data-lytics-timeout=\"1500\"></script>");
        int tag = html.indexOf("data-lytics-tag=");
        assertThat(boot).isNotNegative();
        assertThat(helper).isGreaterThan(boot);
        assertThat(tag).as("official tag after the helper").isGreaterThan(helper);
        // the exact element tags/test-support/browser/pages.mjs (loaderElement) renders for the browser tests
        assertThat(html).endsWith("<script nonce=\"bm9uY2U=\" data-lytics-tag=\"{&quot;src&quot;:&quot;"
                + "https://c.lytics.io/api/tag/acc1/latest.min.js&quot;,&quot;cookie&quot;:&quot;seerid&quot;,"
                + "&quot;loadid&quot;:false}\">" + TagLoader.TEXT + "</script>\n");
        assertThat(html.split("</script>", -1)).as("three script elements, none broken by the bootstrap").hasSize(4);
    }

    @Test
    void theLoaderIsTheBuiltTagsLoaderKeepingLyticsInstallContract() throws Exception {
        // the text HeadMarkup embeds is the tags module's build of tags/src/tag-loader.js, unchanged
        Path built = Path.of("..", "tags", "dist", "lytics-tag-loader.js");
        assertThat(TagLoader.TEXT).isEqualTo(Files.readString(built, StandardCharsets.UTF_8).strip());
        // Lytics' install contract (lytics/wordpress-core src/public/js/lytics-tag-install.js): the
        // stubs Lytics' snippet defines, loadScript, async loading, and init + pageView on window.jstag
        assertThat(TagLoader.TEXT).contains("send mock identify pageView unblock getid setid loadEntity getEntity on once call")
                .contains("loadScript").contains(".async=!0").contains("jstag").contains(".pageView()");
    }

    @Test
    void aTagSourceWithQueryCharactersStaysInsideTheAttribute() {
        // input: a tag URL with & and a quote-like character; the attribute must stay closed
        String html = HeadMarkup.render(ScriptJson.write(BOOT), "/h.js", null, null,
                "https://cdn.example.org/tag.js?a=1&b='2'", "lyid");
        assertThat(html).contains("data-lytics-tag=\"{&quot;src&quot;:&quot;https://cdn.example.org/tag.js?a=1&amp;b=&#39;2&#39;&quot;,"
                + "&quot;cookie&quot;:&quot;lyid&quot;,&quot;loadid&quot;:false}\">");
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
