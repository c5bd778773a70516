package io.lytx.spring.boot.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.client.LyticsClient;
import io.lytx.client.entity.EntityQuery;
import io.lytx.client.error.LyticsClientClosedException;
import io.lytx.servlet.LyticsLifecycleListener;
import io.lytx.servlet.config.ConfigKey;
import io.lytx.servlet.config.InvalidConfigException;
import io.lytx.servlet.config.LyticsConfig;
import io.lytx.spring.boot.LyticsAutoConfiguration;
import io.lytx.spring.boot.LyticsHealthAutoConfiguration;
import io.lytx.spring.boot.LyticsMetricsAutoConfiguration;
import io.lytx.thymeleaf.LyticsDialect;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The auto-configuration's conditions and settings, in a servlet web application context without a
 * server: switched off, invalid values, no token, beans a site replaces, and the IDE metadata.
 */
class StarterSettingsTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LyticsAutoConfiguration.class,
                    LyticsHealthAutoConfiguration.class, LyticsMetricsAutoConfiguration.class))
            .withPropertyValues("lytics.api-url=http://127.0.0.1:9/", "lytics.warmup-ms=0");

    @Test
    void switchedOffWithLyticsEnabledFalse() {
        runner.withPropertyValues("lytics.enabled=false", "lytics.api-token=t0ken").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LyticsConfig.class).doesNotHaveBean(LyticsLifecycleListener.class)
                    .doesNotHaveBean(LyticsAutoConfiguration.FILTER_REGISTRATION).doesNotHaveBean(LyticsClient.class)
                    .doesNotHaveBean(LyticsHealthAutoConfiguration.BEAN);
        });
    }

    @Test
    void invalidValueFailsStartUpNamingTheBootProperty() {
        // input: a budget of 0 ms (the servlet module accepts 1..10000)
        runner.withPropertyValues("lytics.api-token=t0ken", "lytics.budget-ms=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidConfigException.class)
                    .hasMessageContaining("Spring Boot property lytics.budget-ms")
                    .hasMessageContaining("'0'").hasMessageContaining("between 1 and 10000");
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailedStartUpIsExplainedLikeBootsOwnBindingErrors(CapturedOutput output) {
        // input: the whole site started with lytics.profile-refresh-s not shorter than lytics.profile-ttl-s;
        // must: Boot's failure report, naming both settings as the site writes them
        SpringApplication site = new SpringApplication(TestSite.class);
        site.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "lytics.api-token", "t0ken",
                "lytics.profile-ttl-s", "30", "lytics.profile-refresh-s", "30"));

        assertThatThrownBy(site::run).rootCause().isInstanceOf(InvalidConfigException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Spring Boot property lytics.profile-refresh-s")
                .contains("lytics.profile-refresh-s = '30'")
                .contains("must be shorter than lytics.profile-ttl-s")
                .contains("Correct the property in application.properties");
    }

    @Test
    void theClientBeanIsClosedWithTheContext() {
        AtomicReference<LyticsClient> client = new AtomicReference<>();
        runner.withPropertyValues("lytics.api-token=t0ken").run(context -> client.set(context.getBean(LyticsClient.class)));

        assertThatThrownBy(() -> client.get().entities().get(EntityQuery.by("_uid", "x")))
                .isInstanceOf(LyticsClientClosedException.class);
    }

    @Test
    void invalidTokenIsNamedButNeverShown() {
        // input: a token with a space, which Lytics never issues
        runner.withPropertyValues("lytics.api-token=secret value").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lytics.api-token")
                    .hasMessageNotContaining("secret");
        });
    }

    @Test
    void withoutTokenTheSiteRunsUnpersonalizedWithoutAClient() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LyticsConfig.class).active()).isFalse();
            assertThat(context.getBean(LyticsConfig.class).inactiveReason()).contains("LYTICS_API_TOKEN");
            assertThat(context).hasBean(LyticsAutoConfiguration.FILTER_REGISTRATION).doesNotHaveBean(LyticsClient.class);
        });
    }

    @Test
    void aSiteReplacesAnyBean() {
        LyticsDialect own = new LyticsDialect();
        runner.withPropertyValues("lytics.api-token=t0ken")
                .withBean("myConfig", LyticsConfig.class, () -> LyticsConfig.builder().apiToken("other")
                        .set(ConfigKey.COOKIE_NAME, "visitor").build())
                .withBean("myDialect", LyticsDialect.class, () -> own)
                .withBean(LyticsAutoConfiguration.FILTER_REGISTRATION, FilterRegistrationBean.class, () -> {
                    FilterRegistrationBean<?> mine = new FilterRegistrationBean<>();
                    mine.setOrder(5);
                    return mine;
                })
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBeans(LyticsConfig.class).hasSize(1);
                    assertThat(context.getBean(LyticsConfig.class).cookieName()).isEqualTo("visitor");
                    assertThat(context.getBean(LyticsDialect.class)).isSameAs(own);
                    assertThat(context.getBean(LyticsAutoConfiguration.FILTER_REGISTRATION, FilterRegistrationBean.class)
                            .getOrder()).isEqualTo(5);
                    assertThat(context.getBean(LyticsLifecycleListener.class)).isNotNull();
                });
    }

    @Test
    void everySettingOfTheServletModuleIsABootPropertyWithItsDefaultAndDescription() throws Exception {
        JsonObject metadata;
        try (InputStream in = LyticsAutoConfiguration.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
            metadata = Json.createReader(in).readObject();
        }
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonValue v : metadata.getJsonArray("properties")) {
            byName.put(v.asJsonObject().getString("name"), v.asJsonObject());
        }
        for (ConfigKey key : ConfigKey.values()) {
            String name = "lytics." + key.key().substring("lytics.".length()).replace('.', '-');
            assertThat(byName).as(name).containsKey(name);
            JsonObject p = byName.get(name);
            assertThat(p.getString("description", "")).as(name).isNotBlank();
            if (key.defaultValue().isPresent() && key != ConfigKey.BOT_PATTERN) {
                assertThat(p.containsKey("defaultValue")).as(name + " default").isTrue();
                assertThat(p.get("defaultValue").toString().replace("\"", "")).as(name)
                        .isEqualTo(key.defaultValue().get());
            }
        }
        assertThat(byName).containsKey("lytics.filter-order");
    }
}
