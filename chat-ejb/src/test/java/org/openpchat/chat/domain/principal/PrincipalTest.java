package org.openpchat.chat.domain.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.shared.DomainException;

class PrincipalTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId STAFF = PrincipalId.group("staff");

    @Test
    void groupCannotContainItself() {
        Principal staff = Principal.group(STAFF, null);

        assertThatThrownBy(() -> staff.addMember(PrincipalId.group("STAFF")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(staff.members()).isEmpty();
    }

    @Test
    void groupHoldsUsersGroupsOusAndDomains() {
        Principal staff = Principal.group(STAFF, null);
        staff.addMember(ALICE);
        staff.addMember(PrincipalId.group("desk"));
        staff.addMember(PrincipalId.ou("OU=Finance,DC=example,DC=com"));
        staff.addMember(PrincipalId.domain("example.com"));

        assertThat(staff.members()).hasSize(4);
        assertThat(staff.removeMember(ALICE)).isTrue();
        assertThat(staff.removeMember(ALICE)).isFalse();
        assertThat(staff.members()).doesNotContain(ALICE);
    }

    @Test
    void usersCannotHoldMembers() {
        Principal alice = Principal.user(ALICE, null);

        assertThatThrownBy(() -> alice.addMember(PrincipalId.user("bob@example.com")))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> alice.removeMember(PrincipalId.user("bob@example.com")))
                .isInstanceOf(DomainException.class);
        assertThat(alice.members()).isEmpty();
    }

    @Test
    void onlyUsersAreGrantedAPolicy() {
        Principal alice = Principal.user(ALICE, null);
        alice.grantPolicy(" Traders ");
        assertThat(alice.policyTag()).isEqualTo("Traders");
        alice.grantPolicy(" ");
        assertThat(alice.policyTag()).isNull();

        Principal staff = Principal.group(STAFF, null);
        assertThatThrownBy(() -> staff.grantPolicy("Traders"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(staff.policyTag()).isNull();
    }

    @Test
    void displayNameDefaultsToTheName() {
        assertThat(Principal.user(ALICE, null).displayName()).isEqualTo("alice@example.com");
        assertThat(Principal.group(STAFF, "  ").displayName()).isEqualTo("staff");
        assertThat(Principal.user(ALICE, " Alice Smith ").displayName()).isEqualTo("Alice Smith");
    }

    @Test
    void factoriesCheckTheKind() {
        assertThatThrownBy(() -> Principal.user(STAFF, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Principal.group(ALICE, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void placeInAcceptsOnlyAnOu() {
        Principal alice = Principal.user(ALICE, null);

        assertThatThrownBy(() -> alice.placeIn(STAFF)).isInstanceOf(DomainException.class);
        alice.placeIn(PrincipalId.ou("OU=Finance,DC=example,DC=com"));
        assertThat(alice.organizationalUnit()).isEqualTo(PrincipalId.ou("ou=finance,dc=example,dc=com"));
    }

    @Test
    void aUserIsHomedOnASiteOrNone() {
        Principal alice = Principal.user(PrincipalId.user("alice@example.com"), null);
        assertThat(alice.site()).isNull();
        assertThat(alice.id()).isNull();

        alice.homeOn(" Redmond ");
        assertThat(alice.site()).isEqualTo("Redmond");
        alice.homeOn(" ");
        assertThat(alice.site()).isNull();
        alice.homeOn("Dublin");
        alice.homeOn(null);
        assertThat(alice.site()).isNull();
    }
}
