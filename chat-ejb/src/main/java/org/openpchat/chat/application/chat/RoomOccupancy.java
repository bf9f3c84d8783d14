package org.openpchat.chat.application.chat;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Who is in which room on this server node. Only the node's own joins are here; a pool shares
 * them through messaging (a later step).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoomOccupancy {

    private final Map<String, Set<PrincipalId>> byRoom = new ConcurrentHashMap<>();

    /** Returns true if the user was not in the room before. */
    public boolean enter(String roomUid, PrincipalId user) {
        return byRoom.computeIfAbsent(roomUid, uid -> ConcurrentHashMap.newKeySet()).add(user);
    }

    /** Returns true if the user was in the room. */
    public boolean leave(String roomUid, PrincipalId user) {
        Set<PrincipalId> users = byRoom.get(roomUid);
        return users != null && users.remove(user);
    }

    /** In no particular order; a copy (not hashed again: a room of thousands is copied at each join). */
    public List<PrincipalId> occupants(String roomUid) {
        return List.copyOf(byRoom.getOrDefault(roomUid, Set.of()));
    }

    public int count(String roomUid) {
        return byRoom.getOrDefault(roomUid, Set.of()).size();
    }

    /** How many different users are in at least one room. */
    public int usersInRooms() {
        Set<PrincipalId> users = new HashSet<>();
        byRoom.values().forEach(users::addAll);
        return users.size();
    }

    public void closeRoom(String roomUid) {
        byRoom.remove(roomUid);
    }
}
