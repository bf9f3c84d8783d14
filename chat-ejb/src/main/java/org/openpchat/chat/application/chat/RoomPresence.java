package org.openpchat.chat.application.chat;

import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Who comes into a room and who leaves it: what this node tells the pool of its own people, and
 * what the front ends hear of the people on other nodes (to show the room's roster).
 */
public interface RoomPresence {

    void entered(String roomUid, PrincipalId user, boolean manager);

    void left(String roomUid, PrincipalId user);
}
