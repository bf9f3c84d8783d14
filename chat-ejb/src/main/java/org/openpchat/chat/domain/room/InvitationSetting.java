package org.openpchat.chat.domain.room;

public enum InvitationSetting {
    /** Invitations follow the category's setting. */
    INHERIT,
    /** No invitations for this room, whatever the category says. */
    FALSE
}
