package org.openpchat.chat.domain.principal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AffiliationResolverTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId alice = directory.user("alice@example.com").principalId();
    private final PrincipalId bob = directory.user("bob@example.com").principalId();

    @Test
    void followsNestedGroupsToDepthThree() {
        directory.group("level1", alice);
        directory.group("level2", PrincipalId.group("level1"));
        directory.group("level3", PrincipalId.group("level2"));
        directory.group("unrelated", bob);

        Affiliations affiliations = directory.affiliationsOf(alice);

        assertThat(affiliations.ids()).contains(alice,
                PrincipalId.group("level1"), PrincipalId.group("level2"), PrincipalId.group("level3"));
        assertThat(affiliations.contains(PrincipalId.group("unrelated"))).isFalse();
    }

    @Test
    void cycleBetweenTwoGroupsTerminatesAndIncludesBoth() {
        directory.group("ping", alice, PrincipalId.group("pong"));
        directory.group("pong", PrincipalId.group("ping"));

        Affiliations affiliations = directory.affiliationsOf(alice);

        assertThat(affiliations.ids()).contains(PrincipalId.group("ping"), PrincipalId.group("pong"));
        assertThat(directory.affiliationsOf(PrincipalId.group("pong")).ids())
                .contains(PrincipalId.group("ping"), PrincipalId.group("pong"));
    }

    @Test
    void userPlacedInAnOuIsAffiliatedWithItAndTheOusAbove() {
        directory.find(alice).orElseThrow().placeIn(PrincipalId.ou("OU=Traders,OU=Finance,DC=example,DC=com"));

        Affiliations affiliations = directory.affiliationsOf(alice);

        assertThat(affiliations.ids()).contains(
                PrincipalId.ou("OU=Traders,OU=Finance,DC=example,DC=com"),
                PrincipalId.ou("OU=Finance,DC=example,DC=com"));
        assertThat(directory.affiliationsOf(bob).contains(PrincipalId.ou("OU=Finance,DC=example,DC=com")))
                .isFalse();
    }

    @Test
    void groupContainingAnOuTakesInUsersOfThatOuAndItsSubOus() {
        directory.find(alice).orElseThrow().placeIn(PrincipalId.ou("OU=Finance,DC=example,DC=com"));
        directory.find(bob).orElseThrow().placeIn(PrincipalId.ou("OU=Traders,OU=Finance,DC=example,DC=com"));
        PrincipalId carol = directory.user("carol@example.com").principalId();
        directory.find(carol).orElseThrow().placeIn(PrincipalId.ou("OU=Sales,DC=example,DC=com"));
        directory.group("finance-all", PrincipalId.ou("OU=Finance,DC=example,DC=com"));

        assertThat(directory.affiliationsOf(alice).contains(PrincipalId.group("finance-all"))).isTrue();
        assertThat(directory.affiliationsOf(bob).contains(PrincipalId.group("finance-all"))).isTrue();
        assertThat(directory.affiliationsOf(carol).contains(PrincipalId.group("finance-all"))).isFalse();
    }

    @Test
    void everyUserIsAffiliatedWithTheDomainOfTheirSipAddress() {
        PrincipalId dave = directory.user("dave@contoso.com").principalId();

        assertThat(directory.affiliationsOf(alice).contains(PrincipalId.domain("example.com"))).isTrue();
        assertThat(directory.affiliationsOf(dave).contains(PrincipalId.domain("contoso.com"))).isTrue();
        assertThat(directory.affiliationsOf(dave).contains(PrincipalId.domain("example.com"))).isFalse();
    }

    @Test
    void userUnknownToTheDirectoryStillGetsItselfAndItsDomain() {
        PrincipalId stranger = PrincipalId.user("stranger@example.com");

        assertThat(directory.affiliationsOf(stranger).ids())
                .containsExactlyInAnyOrder(stranger, PrincipalId.domain("example.com"));
    }

    @Test
    void groupContainingADomainTakesInEveryUserOfThatDomain() {
        directory.group("everyone-example", PrincipalId.domain("example.com"));
        PrincipalId dave = directory.user("dave@contoso.com").principalId();

        assertThat(directory.affiliationsOf(alice).contains(PrincipalId.group("everyone-example"))).isTrue();
        assertThat(directory.affiliationsOf(bob).contains(PrincipalId.group("everyone-example"))).isTrue();
        assertThat(directory.affiliationsOf(dave).contains(PrincipalId.group("everyone-example"))).isFalse();
    }

    @Test
    void affiliationsMatchAnAccessListWhenTheyMeet() {
        directory.group("staff", alice);

        Affiliations affiliations = directory.affiliationsOf(alice);

        assertThat(affiliations.matchesAny(java.util.List.of(PrincipalId.group("other"), PrincipalId.group("staff"))))
                .isTrue();
        assertThat(affiliations.matchesAny(java.util.List.of(bob))).isFalse();
        assertThat(Affiliations.none().matchesAny(java.util.List.of(alice))).isFalse();
    }
}
