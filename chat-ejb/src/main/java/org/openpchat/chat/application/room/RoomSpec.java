package org.openpchat.chat.application.room;

import java.io.Serializable;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.RoomType;

/**
 * New-/Set-CsPersistentChatRoom parameters. On creation, null fields take their defaults
 * (Closed, Normal, Inherit, enabled); in a change, null fields stay as they are. An empty
 * add-in name removes the add-in.
 */
public record RoomSpec(String name, String description, String category, Privacy privacy, RoomType type,
        InvitationSetting invitations, Boolean disabled, String addin) implements Serializable {

    public static RoomSpec named(String name, String category) {
        return new RoomSpec(name, null, category, null, null, null, null, null);
    }

    public RoomSpec withPrivacy(Privacy newPrivacy) {
        return new RoomSpec(name, description, category, newPrivacy, type, invitations, disabled, addin);
    }

    public RoomSpec withType(RoomType newType) {
        return new RoomSpec(name, description, category, privacy, newType, invitations, disabled, addin);
    }

    public RoomSpec withDescription(String newDescription) {
        return new RoomSpec(name, newDescription, category, privacy, type, invitations, disabled, addin);
    }
}
