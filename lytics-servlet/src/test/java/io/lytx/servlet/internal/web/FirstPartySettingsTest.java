package io.lytx.servlet.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.config.LyticsConfig;
import org.junit.jupiter.api.Test;

class FirstPartySettingsTest {

    @Test
    void defaults() {
        FirstPartySettings s = FirstPartySettings.defaults();
        assertThat(s.basePath()).isEqualTo("/lytics");
        assertThat(s.ratePerMinute()).isEqualTo(60);
        assertThat(s.identityFields()).contains("_uid", "email", "user_id");
        assertThat(s.bootstrap().fields()).isEmpty();
        assertThat(s.preview().enabled()).isFalse();
    }

    @Test
    void piiFieldsNeedTheirSwitch() {
        FirstPartySettings s = FirstPartySettings.from(LyticsConfig.builder()
                .set("lytics.bootstrap.fields", "first_name,favorite_color").build());
        assertThat(s.bootstrap().exposes("favorite_color")).isTrue();
        assertThat(s.bootstrap().exposes("first_name")).as("PII by default").isFalse();
        assertThat(s.bootstrap().exposes("not_listed")).isFalse();
        FirstPartySettings pii = FirstPartySettings.from(LyticsConfig.builder()
                .set("lytics.bootstrap.fields", "first_name").set("lytics.bootstrap.pii", "true").build());
        assertThat(pii.bootstrap().exposes("first_name")).isTrue();
    }

    @Test
    void invalidValuesNameTheirKey() {
        // input: a base path with a trailing slash
        assertThatThrownBy(() -> FirstPartySettings.from(LyticsConfig.builder().set("lytics.endpoints.path", "/lytics/").build()))
                .hasMessageContaining("lytics.endpoints.path");
        // input: a rate of zero
        assertThatThrownBy(() -> FirstPartySettings.from(LyticsConfig.builder().set("lytics.endpoints.collect.rate", "0").build()))
                .hasMessageContaining("lytics.endpoints.collect.rate");
        // input: an origin with a path
        assertThatThrownBy(() -> FirstPartySettings.from(LyticsConfig.builder()
                .set("lytics.endpoints.collect.origins", "https://a.example/x").build()))
                .hasMessageContaining("lytics.endpoints.collect.origins");
        // input: a javascript: tag source
        assertThatThrownBy(() -> FirstPartySettings.from(LyticsConfig.builder().set("lytics.tag.src", "javascript:alert(1)").build()))
                .hasMessageContaining("lytics.tag.src");
    }

    @Test
    void officialTagUrlFollowsTheAccount() {
        FirstPartySettings s = FirstPartySettings.from(LyticsConfig.builder().set("lytics.account.id", "acc1").build());
        assertThat(s.bootstrap().tagSrc()).isEqualTo("https://c.lytics.io/api/tag/acc1/latest.min.js");
    }
}
