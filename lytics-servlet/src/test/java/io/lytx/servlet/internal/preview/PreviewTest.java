package io.lytx.servlet.internal.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.servlet.ProfileStatus;
import org.junit.jupiter.api.Test;

class PreviewTest {

    @Test
    void segmentsAndStatusWords() {
        Preview p = Preview.parse("vip, gold,new");
        assertThat(p.segments()).containsExactly("vip", "gold");
        assertThat(p.status()).isEqualTo(ProfileStatus.NEW_VISITOR);
        assertThat(p.showAll()).isFalse();
        assertThat(Preview.parse(p.text())).isEqualTo(p);
        assertThat(Preview.parse("vip").status()).isEqualTo(ProfileStatus.KNOWN);
    }

    @Test
    void showAllOffAndInvalidInput() {
        assertThat(Preview.parse("*").showAll()).isTrue();
        assertThat(Preview.parse("off")).isNull();
        assertThat(Preview.parse("")).isNull();
        assertThat(Preview.parse(null)).isNull();
        // input with markup characters or over 512 characters is no preview at all
        assertThat(Preview.parse("vip,<script>")).isNull();
        assertThat(Preview.parse("a".repeat(513))).isNull();
    }

    @Test
    void queryValueIsReadFromTheQueryStringOnly() {
        assertThat(PreviewResolver.queryValue("a=1&lytics_preview=vip%2Cknown&b=2")).isEqualTo("vip,known");
        assertThat(PreviewResolver.queryValue("lytics_preview")).isEmpty();
        assertThat(PreviewResolver.queryValue("other=1")).isNull();
        assertThat(PreviewResolver.queryValue("lytics_preview=%zz")).as("malformed escape turns preview off").isEqualTo("off");
    }
}
