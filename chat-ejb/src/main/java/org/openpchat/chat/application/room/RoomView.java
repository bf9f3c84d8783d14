package org.openpchat.chat.application.room;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.openpchat.chat.application.EnumText;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;

/** A room as its managers and administrators see it (Get-CsPersistentChatRoom). */
public record RoomView(String name, String uri, String description, String category, String privacy, String type,
        List<String> members, List<String> managers, List<String> presenters, boolean disabled,
        String invitations, String addin) implements Serializable {

    public static RoomView of(Room room, String sipDomain) {
        return new RoomView(room.name(), room.uri(sipDomain).toString(), room.description(), room.category().name(),
                EnumText.of(room.privacy()), EnumText.of(room.type()), texts(room.members()),
                texts(room.managers()), texts(room.presenters()), room.disabled(), EnumText.of(room.invitations()),
                room.addin() == null ? null : room.addin().name());
    }

    private static List<String> texts(Collection<PrincipalId> ids) {
        return ids.stream().map(PrincipalId::toString).sorted().toList();
    }
}
