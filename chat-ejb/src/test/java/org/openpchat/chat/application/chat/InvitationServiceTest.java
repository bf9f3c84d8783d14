package org.openpchat.chat.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.invitation.InMemoryInvitations;
import org.openpchat.chat.domain.invitation.Invitation;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.InMemoryRooms;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;

class InvitationServiceTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId TRADERS = PrincipalId.group("traders");
    private static final PrincipalId BOB = PrincipalId.user("bob@example.com");
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final InMemoryInvitations invitations = new InMemoryInvitations();
    private final InMemoryRooms rooms = new InMemoryRooms();
    private final InvitationService service = new InvitationService(invitations, rooms);
    private final Category general = new Category("General", null);

    @BeforeEach
    void openRooms() {
        general.modifyAllowedMembers(AccessList.adding(ALICE, TRADERS, BOB));
        for (int i = 1; i <= 120; i++) {
            rooms.add(new Room("Room " + i, general, T0));
        }
    }

    @Test
    void aUserGetsTheNewestHundredInvitationsToThemOrTheirGroups() {
        LongStream.rangeClosed(1, 120).forEach(room -> invitations.add(new Invitation(room,
                room % 2 == 0 ? ALICE : TRADERS, Instant.EPOCH)));
        invitations.add(new Invitation(50L, BOB, Instant.EPOCH));

        Actor alice = Actor.user(ALICE, new Affiliations(List.of(ALICE, TRADERS)));

        assertThat(service.pendingFor(alice)).hasSize(InvitationService.MAX_PER_REQUEST)
                .extracting(pending -> pending.invitation().roomId()).startsWith(21L).endsWith(120L);
        assertThat(service.pendingFor(alice)).extracting(pending -> pending.room().name())
                .startsWith("Room 21").endsWith("Room 120");
        assertThat(service.pendingFor(Actor.user(ALICE, new Affiliations(List.of(ALICE))))).hasSize(60);
    }

    @Test
    void invitationsToRoomsTheUserMayNoLongerFindOrThatAreGoneAreLeftOut() {
        Room secret = rooms.findByName("Room 2").orElseThrow();
        secret.changePrivacy(Privacy.SECRET);
        secret.modifyMembers(AccessList.adding(BOB), id -> new Affiliations(List.of(id)));
        invitations.add(new Invitation(secret.id(), ALICE, T0));
        invitations.add(new Invitation(3L, ALICE, T0.plusSeconds(1)));
        invitations.add(new Invitation(999L, ALICE, T0.plusSeconds(2)));

        assertThat(service.pendingFor(Actor.user(ALICE, new Affiliations(List.of(ALICE)))))
                .extracting(pending -> pending.room().name()).containsExactly("Room 3");
    }
}
