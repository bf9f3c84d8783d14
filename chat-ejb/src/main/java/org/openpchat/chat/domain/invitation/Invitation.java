package org.openpchat.chat.domain.invitation;

import java.time.Instant;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * A room invitation for a principal newly added to a room that sends invitations. A group entry
 * invites each of its members: the invitation is shown to anyone affiliated with the invitee.
 */
public class Invitation {

    private Long id;
    private Long roomId;
    private PrincipalId invitee;
    private Instant createdAt;

    protected Invitation() {
    }

    public Invitation(Long roomId, PrincipalId invitee, Instant createdAt) {
        this.roomId = roomId;
        this.invitee = invitee;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long roomId() {
        return roomId;
    }

    public PrincipalId invitee() {
        return invitee;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
