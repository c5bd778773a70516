package io.lytx.client.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamNameTest {

    @Test
    void acceptsTheNamesLyticsUsesAndDotsOrDashesInside() {
        // input: Lytics' default and SDK streams, a site stream with '.', '-' and digits, one of exactly 100
        // characters; must: every one is valid and require() hands it back unchanged
        for (String name : new String[] {"default", "android_sdk", "web_events", "WebEvents2", "_private",
                "crm.orders", "shop-eu", "9lives", "a".repeat(StreamName.MAX_LENGTH)}) {
            assertThat(StreamName.isValid(name)).as(name).isTrue();
            assertThat(StreamName.require(name, "stream")).isEqualTo(name);
        }
        assertThat(StreamName.isValid(StreamName.DEFAULT)).isTrue();
    }

    @Test
    void refusesEmptyTooLongPathLikeAndOtherCharacters() {
        // input: empty, 101 characters, relative path segments, a leading '.' or '-', a slash, a space, a
        // percent escape, a query, non-ASCII letters, a line break; must: invalid
        for (String name : new String[] {"", "a".repeat(StreamName.MAX_LENGTH + 1), ".", "..", ".hidden", "-x",
                "../admin", "a/b", "bad stream", "a%2Fb", "web?x=1", "straße", "web\r\nX: 1"}) {
            assertThat(StreamName.isValid(name)).as(name).isFalse();
        }
        assertThat(StreamName.isValid(null)).isFalse();
    }

    @Test
    void requireNamesWhatWasCheckedTheRuleAndAPrintableValue() {
        // input: a name with a line break, then null; must: IllegalArgumentException naming "stream", the
        // rule and the value with the control characters replaced; NullPointerException naming it
        assertThatThrownBy(() -> StreamName.require("web\r\nX: 1", "stream"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stream must be " + StreamName.RULE)
                .hasMessageContaining("\"web??X: 1\"")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> StreamName.require(null, "stream"))
                .isInstanceOf(NullPointerException.class).hasMessage("stream");
    }
}
