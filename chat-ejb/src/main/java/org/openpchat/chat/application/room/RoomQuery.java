package org.openpchat.chat.application.room;

import java.io.Serializable;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.TextFilter;

/**
 * Get-CsPersistentChatRoom filters; null means any. The name filter is a {@link TextFilter}.
 */
public record RoomQuery(String nameContains, boolean searchDescription, String category, Privacy privacy,
        RoomType type, Boolean disabled, PrincipalId manager, PrincipalId member, String addin, int maxResults)
        implements Serializable {

    public static RoomQuery all() {
        return new RoomQuery(null, false, null, null, null, null, null, null, null, 1000);
    }

    public static RoomQuery nameContains(String text) {
        return new RoomQuery(text, false, null, null, null, null, null, null, null, 1000);
    }

    public boolean matches(Room room) {
        return matchesText(room)
                && (category == null || room.category().name().equalsIgnoreCase(category))
                && (privacy == null || room.privacy() == privacy)
                && (type == null || room.type() == type)
                && (disabled == null || room.disabled() == disabled)
                && (manager == null || room.managers().contains(manager))
                && (member == null || room.members().contains(member))
                && (addin == null || room.addin() != null && room.addin().name().equalsIgnoreCase(addin));
    }

    private boolean matchesText(Room room) {
        TextFilter filter = TextFilter.of(nameContains);
        return filter.matches(room.name()) || searchDescription && room.description() != null
                && filter.matches(room.description());
    }
}
