package org.openpchat.chat.application.chat;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;

/**
 * A successful join: the room, what the user may do in it, who is there (the joiner included, in
 * no particular order) and which of them manage the room.
 */
public record JoinResult(Room room, String roomUri, boolean mayPost, boolean manager, List<PrincipalId> occupants,
        Set<PrincipalId> managers)
        implements Serializable {
}
