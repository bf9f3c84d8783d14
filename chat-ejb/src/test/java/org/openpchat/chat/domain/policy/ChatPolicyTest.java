package org.openpchat.chat.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class ChatPolicyTest {

    @Test
    void keepsItsSwitchAndDescriptionAndHasNoIdUntilStored() {
        ChatPolicy policy = new ChatPolicy(Scope.tag("Traders"), false, "desk policy");

        assertThat(policy.enablePersistentChat()).isFalse();
        assertThat(policy.description()).isEqualTo("desk policy");
        assertThat(policy.scope()).isEqualTo(Scope.tag("Traders"));
        assertThat(policy.id()).isNull();

        policy.enable(true);
        policy.describe(null);
        assertThat(policy.enablePersistentChat()).isTrue();
        assertThat(policy.description()).isNull();
    }

    @Test
    void isGlobalPerSiteOrATagAndItsDescriptionIsBounded() {
        assertThatThrownBy(() -> new ChatPolicy(Scope.service("pc1.example.com"), true, null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new ChatPolicy(Scope.GLOBAL, true, "d".repeat(1025)))
                .isInstanceOf(DomainException.class);
    }
}
