package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lytx.client.entity.EntityQuery;
import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Construction, argument checks and shutdown of the service. */
class ProfileServiceLifecycleTest {

    private static final LookupKey PAT = new LookupKey("_uid", "u_670591093815502600");

    private ProfileFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ProfileFixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private static boolean timerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("lytics-profile-timer-") && t.isAlive());
    }

    @Test
    void nullArgumentsFailFastNamingTheParameter() {
        ProfileService service = fixture.service(ProfileSettings.defaults());

        assertThatThrownBy(() -> new ProfileService(null, ProfileSettings.defaults(), 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("client");
        assertThatThrownBy(() -> new ProfileService(fixture.client, null, 0, null))
                .isInstanceOf(NullPointerException.class).hasMessage("settings");
        assertThatThrownBy(() -> service.profile(null, Deadline.after(Duration.ofSeconds(1))))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> service.profile(PAT, null))
                .isInstanceOf(NullPointerException.class).hasMessage("deadline");
        assertThatThrownBy(() -> service.recommendations(PAT, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("deadline");
        assertThat(fixture.targets()).isEmpty();
    }

    @Test
    void closeAnswersLaterLookupsAtOnceStopsTheTimerThreadAndLeavesTheClientUsable() {
        ProfileService service = fixture.service(ProfileSettings.defaults().withBudget(Duration.ofMillis(500)));
        CompletableFuture<Void> release = new CompletableFuture<>();
        fixture.upstream.dispatcher(request -> ProfileFixture.whenReleased(release, ProfileFixture.FOUND));
        CompletableFuture<ProfileResult> waiting =
                service.profile(PAT, Deadline.after(Duration.ofMillis(300)));
        assertThat(timerThreadAlive()).as("a waiting caller has a timeout scheduled").isTrue();

        service.close();
        service.close();

        assertThat(waiting).as("a caller waiting at close time is still answered").isDone();
        assertThat(waiting.join().status()).isEqualTo(ProfileStatus.UNAVAILABLE);
        CompletableFuture<ProfileResult> after = service.profile(PAT, Deadline.after(Duration.ofSeconds(1)));
        assertThat(after).isDone();
        assertThat(after.join()).isEqualTo(ProfileResult.unavailable("service closed"));
        assertThat(service.recommendations(PAT, null, Deadline.after(Duration.ofSeconds(1))).join()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> !timerThreadAlive());
        release.complete(null);
        fixture.answerAll(ProfileFixture.FOUND);
        assertThat(fixture.client.entities().get(EntityQuery.by("_uid", "u_1")).found())
                .as("closing the service does not close the client").isTrue();
    }
}
