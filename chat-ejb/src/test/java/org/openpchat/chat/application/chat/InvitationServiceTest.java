package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.invitation.InMemoryInvitations;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;

class InvitationServiceTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId TRADERS = PrincipalId.group("traders");

    @Test
    void aUserGetsTheNewestHundredInvitationsToThemOrTheirGroups() {
        InMemoryInvitations invitations = new InMemoryInvitations();
        LongStream.rangeClosed(1, 120).forEach(room -> invitations.add(new Invitation(room,
                room % 2 == 0 ? ALICE : TRADERS, Instant.EPOCH)));
        invitations.add(new Invitation(500L, PrincipalId.user("bob@example.com"), Instant.EPOCH));

        Actor alice = Actor.user(ALICE, new Affiliations(java.util.List.of(ALICE, TRADERS)));

        assertThat(new InvitationService(invitations).pendingFor(alice)).hasSize(InvitationService.MAX_PER_REQUEST)
                .extracting(Invitation::roomId).startsWith(21L).endsWith(120L);
        assertThat(new InvitationService(invitations).pendingFor(Actor.user(ALICE,
                new Affiliations(java.util.List.of(ALICE))))).hasSize(60);
    }
}
