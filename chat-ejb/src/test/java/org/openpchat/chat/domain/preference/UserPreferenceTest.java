package org.openpchat.chat.domain.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

class UserPreferenceTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void everyReplacementRaisesTheSequence() {
        UserPreference preference = new UserPreference(PrincipalId.user("alice@example.com"), "kedzie.GroupChannels", T0);
        assertThat(preference.sequence()).isZero();
        assertThat(preference.content()).isEmpty();

        preference.replace("YWJj", T0.plusSeconds(1));
        preference.replace("ZGVm", T0.plusSeconds(2));

        assertThat(preference.sequence()).isEqualTo(2);
        assertThat(preference.content()).isEqualTo("ZGVm");
        assertThat(preference.updatedAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void labelAndSizeAreBounded() {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        assertThatThrownBy(() -> new UserPreference(alice, " ", T0)).isInstanceOf(DomainException.class);
        UserPreference preference = new UserPreference(alice, "x", T0);
        assertThatThrownBy(() -> preference.replace("a".repeat(UserPreference.MAX_CONTENT + 1), T0))
                .isInstanceOf(DomainException.class).hasMessageContaining("at most");
        assertThat(preference.sequence()).isZero();
    }

    @Test
    void labelAndContentMayHaveExactlyTheirMaximumLength() {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        String label = "l".repeat(UserPreference.MAX_LABEL);
        UserPreference preference = new UserPreference(alice, label, T0);
        preference.replace("c".repeat(UserPreference.MAX_CONTENT), T0);

        assertThat(preference.owner()).isEqualTo(alice);
        assertThat(preference.label()).isEqualTo(label);
        assertThat(preference.content()).hasSize(UserPreference.MAX_CONTENT);
        assertThat(preference.id()).isNull();
        assertThatThrownBy(() -> new UserPreference(alice, label + "l", T0)).isInstanceOf(DomainException.class);
    }
}
