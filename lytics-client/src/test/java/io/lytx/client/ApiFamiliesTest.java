package io.lytx.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.lytx.client.collect.CollectApi;
import io.lytx.client.content.ContentApi;
import io.lytx.client.entity.EntityApi;
import io.lytx.client.management.AccountApi;
import io.lytx.client.management.TokenApi;
import io.lytx.client.management.UserApi;
import io.lytx.client.schema.SchemaApi;
import io.lytx.client.segment.SegmentApi;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API families come from a {@link LyticsClient} only: nothing public builds one. */
class ApiFamiliesTest {

    private static final List<Class<?>> FAMILIES = List.of(CollectApi.class, ContentApi.class, EntityApi.class,
            AccountApi.class, TokenApi.class, UserApi.class, SchemaApi.class, SegmentApi.class);

    @Test
    void everyPublicConstructorOfAnApiFamilyNeedsWhatOnlyAClientHas() {
        // input: the public constructors of the eight *Api classes; must: each takes exactly
        // LyticsClient.Internals, of which no public, protected or package constructor exists
        for (Class<?> family : FAMILIES) {
            assertThat(family.getConstructors()).as(family.getSimpleName()).allSatisfy(c ->
                    assertThat(c.getParameterTypes()).containsExactly(LyticsClient.Internals.class));
        }
        assertThat(LyticsClient.Internals.class.getDeclaredConstructors())
                .allSatisfy(c -> assertThat(Modifier.isPrivate(c.getModifiers())).as(c.toString()).isTrue());
    }

    @Test
    void noPublicMethodOfTheClientOrItsFamiliesHandsOutTheInternals() {
        // input: every public method of LyticsClient, its builder and the families; must: none returns
        // LyticsClient.Internals (so a user cannot obtain one to build a family with)
        List<Class<?>> owners = new ArrayList<>(FAMILIES);
        owners.add(LyticsClient.class);
        owners.add(LyticsClientBuilder.class);
        for (Class<?> owner : owners) {
            List<Method> leaking = Arrays.stream(owner.getMethods())
                    .filter(m -> m.getReturnType() == LyticsClient.Internals.class).toList();
            assertThat(leaking).as(owner.getSimpleName()).isEmpty();
        }
    }

    @Test
    void aClientHandsEachFamilyOutAsOneSharedInstance() {
        // input: a built client (no call made); must: each accessor returns a family, the same one each time
        try (LyticsClient client = LyticsClient.builder().token("tok").build()) {
            assertThat(client.entities()).isNotNull().isSameAs(client.entities());
            assertThat(client.collect()).isNotNull().isSameAs(client.collect());
            assertThat(client.segments()).isNotNull().isSameAs(client.segments());
            assertThat(client.schema()).isNotNull().isSameAs(client.schema());
            assertThat(client.content()).isNotNull().isSameAs(client.content());
            assertThat(client.accounts()).isNotNull().isSameAs(client.accounts());
            assertThat(client.users()).isNotNull().isSameAs(client.users());
            assertThat(client.tokens()).isNotNull().isSameAs(client.tokens());
        }
    }
}
