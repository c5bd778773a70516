package io.lytx.servlet.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lytx.servlet.ProfileStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seam value types: what they accept, what they refuse and how they say so. */
class ProfileValuesTest {

    @Test
    void lookupKeyRefusesMissingFieldOrValueNamingIt() {
        assertThatThrownBy(() -> new LookupKey(null, "u_1")).isInstanceOf(NullPointerException.class).hasMessage("field");
        assertThatThrownBy(() -> new LookupKey("_uid", null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> new LookupKey(" ", "u_1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field");
        assertThatThrownBy(() -> new LookupKey("_uid", "\t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value");
    }

    @Test
    void lookupKeysAreEqualByValue() {
        assertThat(new LookupKey("email", "a@b.org")).isEqualTo(new LookupKey("email", "a@b.org"))
                .hasSameHashCodeAs(new LookupKey("email", "a@b.org"))
                .isNotEqualTo(new LookupKey("user_id", "a@b.org"));
    }

    @Test
    void deadlineCountsDownAndNeverGoesNegative() {
        Deadline spent = Deadline.after(Duration.ZERO);
        Deadline later = Deadline.after(Duration.ofHours(1));

        assertThat(spent.expired()).isTrue();
        assertThat(spent.remaining()).isEqualTo(Duration.ZERO);
        assertThat(spent.remainingNanos()).isZero();
        assertThat(later.expired()).isFalse();
        assertThat(later.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(Deadline.after(Duration.ofSeconds(Long.MAX_VALUE)).expired())
                .as("a huge budget saturates instead of overflowing into the past").isFalse();
    }

    @Test
    void deadlineRefusesNegativeOrMissingBudget() {
        assertThatThrownBy(() -> Deadline.after(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget");
        assertThatThrownBy(() -> Deadline.after(null)).isInstanceOf(NullPointerException.class).hasMessage("budget");
    }

    @Test
    void defaultsAreTunedToTheRenderBudget() {
        ProfileSettings d = ProfileSettings.defaults();

        assertThat(d.ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.refreshAfter()).isLessThan(d.ttl());
        assertThat(d.negativeTtl()).isLessThan(d.ttl());
        assertThat(d.budget()).isEqualTo(Duration.ofMillis(150));
        assertThat(d.slowCallThreshold()).isLessThan(d.budget());
        assertThat(d.openFor()).isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(d.breakerMinimumCalls()).isLessThanOrEqualTo(d.breakerWindow()).isLessThan(100);
    }

    @Test
    void withBudgetKeepsTheSlowCallThresholdJustUnderIt() {
        ProfileSettings s = ProfileSettings.defaults().withBudget(Duration.ofMillis(500));

        assertThat(s.budget()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.slowCallThreshold()).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void refreshAfterMustBeShorterThanTtl() {
        assertThatThrownBy(() -> ProfileSettings.defaults().withRefreshAfter(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refreshAfter must be shorter than ttl: refreshAfter=PT1M, ttl=PT1M");
    }

    @Test
    void shorterTtlCanBeSetBeforeTheRefreshAgeThatFitsIt() {
        ProfileSettings s = ProfileSettings.defaults().withTtl(Duration.ofSeconds(20)).withRefreshAfter(Duration.ofSeconds(15));

        assertThat(s.ttl()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.refreshAfter()).isEqualTo(Duration.ofSeconds(15));
        assertThat(ProfileSettings.defaults().withTtl(Duration.ofSeconds(20)).refreshAfter())
                .as("default refresh age 30 s does not fit a 20 s TTL: halved").isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "percent {0} is refused")
    @ValueSource(ints = {0, -5, 101})
    void percentagesOutsideOneToHundredAreRefused(int percent) {
        assertThatThrownBy(() -> ProfileSettings.defaults().withFailureThresholdPercent(percent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("failureThresholdPercent must be within 1..100: " + percent);
    }

    @Test
    void zeroOrMissingDurationsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> ProfileSettings.defaults().withBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("budget must be positive: PT0S");
        assertThatThrownBy(() -> ProfileSettings.defaults().withOpenFor(null))
                .isInstanceOf(NullPointerException.class).hasMessage("openFor");
        assertThatThrownBy(() -> ProfileSettings.defaults().withMaxEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntries must be at least 1: 0");
    }

    @Test
    void resultStatusAndEntityMustAgree() {
        assertThatThrownBy(() -> new ProfileResult(ProfileStatus.KNOWN, null, "found"))
                .isInstanceOf(NullPointerException.class).hasMessage("entity");
        assertThat(ProfileResult.newVisitor().entity()).isNull();
        assertThat(ProfileResult.newVisitor().answered()).isTrue();
        assertThat(ProfileResult.unavailable("timeout").answered()).isFalse();
    }
}
