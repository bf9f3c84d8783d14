package org.openpchat.chat.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.PrincipalId;

class InvitationTest {

    @Test
    void keepsRoomInviteeAndTimeAndHasNoIdUntilStored() {
        Invitation invitation = new Invitation(7L, PrincipalId.group("desk"), Instant.EPOCH);

        assertThat(invitation.roomId()).isEqualTo(7L);
        assertThat(invitation.invitee()).isEqualTo(PrincipalId.group("desk"));
        assertThat(invitation.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(invitation.id()).isNull();
    }
}
