package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;

class CredentialGenerationsTest {

    private final CredentialGenerations generations = new CredentialGenerations();

    @Test
    void eachCommittedChangeMovesTheUsersGenerationWhicheverWayTheUserIsNamed() {
        assertThat(generations.of("alice@example.com")).isZero();

        generations.changed(new CredentialsChanged(PrincipalId.user("Alice@Example.com")));
        generations.changed(new CredentialsChanged(PrincipalId.user("alice@example.com")));

        assertThat(generations.of("alice@example.com")).isEqualTo(2);
        assertThat(generations.of(" SIP:alice@example.com ")).isEqualTo(2);
        assertThat(generations.of("bob@example.com")).isZero();
        assertThat(generations.of(null)).isZero();
    }
}
