package org.openpchat.chat.application.chat;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * Who is in which room: this node's people, and in a pool the other nodes' as their messages
 * tell ({@link #enteredElsewhere}). This node's comings and goings go to the pool's
 * {@link RoomPresence} once it is {@link #pooled}.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoomOccupancy {

    private final Map<String, Set<PrincipalId>> byRoom = new ConcurrentHashMap<>();
    private final OccupantsElsewhere elsewhere = new OccupantsElsewhere();
    private volatile RoomPresence pool;

    /** From now on this node's comings and goings are told to {@code pool}. */
    public void pooled(RoomPresence pool) {
        this.pool = pool;
    }

    /** Returns true if the user was not in the room on this node before. */
    public boolean enter(String roomUid, PrincipalId user, boolean manager) {
        boolean entered = byRoom.computeIfAbsent(roomUid, uid -> ConcurrentHashMap.newKeySet()).add(user);
        RoomPresence shared = pool;
        if (entered && shared != null) {
            shared.entered(roomUid, user, manager);
        }
        return entered;
    }

    /** Returns true if the user was in the room on this node. */
    public boolean leave(String roomUid, PrincipalId user) {
        Set<PrincipalId> users = byRoom.get(roomUid);
        boolean left = users != null && users.remove(user);
        RoomPresence shared = pool;
        if (left && shared != null) {
            shared.left(roomUid, user);
        }
        return left;
    }

    /**
     * Everyone in the room on any node, each once, in no particular order; a copy (hashed again
     * only when other nodes have people in it: a room of thousands is copied at each join).
     */
    public List<PrincipalId> occupants(String roomUid) {
        Set<PrincipalId> here = byRoom.getOrDefault(roomUid, Set.of());
        List<PrincipalId> there = elsewhere.in(roomUid);
        if (there.isEmpty()) {
            return List.copyOf(here);
        }
        Set<PrincipalId> all = new LinkedHashSet<>(here);
        all.addAll(there);
        return List.copyOf(all);
    }

    /** How many people are in the room, on any node. */
    public int count(String roomUid) {
        return elsewhere.isEmpty() ? byRoom.getOrDefault(roomUid, Set.of()).size() : occupants(roomUid).size();
    }

    /** Another node's user came into the room: returns true if the user is new to it pool-wide. */
    public boolean enteredElsewhere(String node, String roomUid, PrincipalId user) {
        boolean before = present(roomUid, user);
        elsewhere.enter(node, roomUid, user);
        return !before;
    }

    /** Another node's user left the room: returns true if the user is now in it nowhere. */
    public boolean leftElsewhere(String node, String roomUid, PrincipalId user) {
        return elsewhere.leave(node, roomUid, user) && !present(roomUid, user);
    }

    /**
     * A node left the pool (stopped, restarted or silent): its people are no longer in its rooms.
     * Returns, by room, those who are now in it nowhere.
     */
    public Map<String, List<PrincipalId>> forgetNode(String node) {
        Map<String, List<PrincipalId>> gone = new HashMap<>();
        elsewhere.forget(node).forEach((room, users) -> {
            List<PrincipalId> nowhere = users.stream().filter(user -> !present(room, user)).toList();
            if (!nowhere.isEmpty()) {
                gone.put(room, nowhere);
            }
        });
        return gone;
    }

    private boolean present(String roomUid, PrincipalId user) {
        return byRoom.getOrDefault(roomUid, Set.of()).contains(user) || elsewhere.contains(roomUid, user);
    }

    /** This node's people, by room. */
    public Map<String, List<PrincipalId>> here() {
        Map<String, List<PrincipalId>> here = new HashMap<>();
        byRoom.forEach((room, users) -> {
            if (!users.isEmpty()) {
                here.put(room, List.copyOf(users));
            }
        });
        return here;
    }

    /** How many different users of this node are in at least one room. */
    public int usersInRooms() {
        Set<PrincipalId> users = new HashSet<>();
        byRoom.values().forEach(users::addAll);
        return users.size();
    }
}
