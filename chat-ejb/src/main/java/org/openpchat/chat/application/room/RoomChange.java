package org.openpchat.chat.application.room;

import java.io.Serializable;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * New- or Set-CsPersistentChatRoom in one request: the settings (null fields: unchanged, or the
 * defaults on creation; a category in a change moves the room) and the list modifiers (null:
 * unchanged).
 */
public record RoomChange(RoomSpec settings, AccessList members, AccessList managers, AccessList presenters)
        implements Serializable {

    public RoomChange {
        settings = settings == null ? new RoomSpec(null, null, null, null, null, null, null, null) : settings;
    }

    public static RoomChange of(RoomSpec settings) {
        return new RoomChange(settings, null, null, null);
    }
}
