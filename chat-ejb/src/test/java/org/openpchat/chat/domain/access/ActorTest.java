package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;

class ActorTest {

    @Test
    void everyActorHasAName() {
        assertThat(Actor.user(PrincipalId.user("alice@example.com"), Affiliations.none()).describe())
                .isEqualTo("sip:alice@example.com");
        Actor system = Actor.system("demo");
        assertThat(system.describe()).isEqualTo("system:demo");
        assertThat(system.administrator()).isTrue();
        assertThat(system.user()).isNull();
        assertThatThrownBy(() -> new Actor(null, Affiliations.none(), true, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUserMadeAdministratorKeepsTheirName() {
        Actor admin = Actor.user(PrincipalId.user("admin@example.com"), Affiliations.none()).asAdministrator();
        assertThat(admin.administrator()).isTrue();
        assertThat(admin.describe()).isEqualTo("sip:admin@example.com");
    }

    @Test
    void onlyAnAdministratorPassesRequireAdministrator() {
        Actor user = Actor.user(PrincipalId.user("alice@example.com"), Affiliations.none());
        Actor administrator = Actor.administrator("import");

        administrator.requireAdministrator("import archives");
        assertThat(administrator.describe()).isEqualTo("system:import");
        assertThat(administrator.administrator()).isTrue();
        assertThatThrownBy(() -> user.requireAdministrator("import archives"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN))
                .hasMessage("only Persistent Chat administrators import archives");
    }
}
