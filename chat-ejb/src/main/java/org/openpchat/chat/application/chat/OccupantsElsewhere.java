package org.openpchat.chat.application.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openpchat.chat.domain.principal.PrincipalId;

/** Who is in which room on the other nodes of the pool, by node, as their messages tell. */
final class OccupantsElsewhere {

    private final Map<String, Map<String, Set<PrincipalId>>> byNode = new HashMap<>();
    private final Map<String, Map<PrincipalId, Integer>> byRoom = new HashMap<>();

    synchronized boolean isEmpty() {
        return byRoom.isEmpty();
    }

    /** The users in the room on any other node, each once. */
    synchronized List<PrincipalId> in(String room) {
        Map<PrincipalId, Integer> users = byRoom.get(room);
        return users == null ? List.of() : List.copyOf(users.keySet());
    }

    synchronized boolean contains(String room, PrincipalId user) {
        Map<PrincipalId, Integer> users = byRoom.get(room);
        return users != null && users.containsKey(user);
    }

    synchronized void enter(String node, String room, PrincipalId user) {
        if (byNode.computeIfAbsent(node, n -> new HashMap<>()).computeIfAbsent(room, r -> new HashSet<>()).add(user)) {
            byRoom.computeIfAbsent(room, r -> new HashMap<>()).merge(user, 1, Integer::sum);
        }
    }

    /** Returns true if the node had the user in the room. */
    synchronized boolean leave(String node, String room, PrincipalId user) {
        Map<String, Set<PrincipalId>> rooms = byNode.get(node);
        Set<PrincipalId> users = rooms == null ? null : rooms.get(room);
        if (users == null || !users.remove(user)) {
            return false;
        }
        if (users.isEmpty()) {
            rooms.remove(room);
        }
        uncount(room, user);
        return true;
    }

    /** Forgets everything of the node; returns what it had, by room. */
    synchronized Map<String, List<PrincipalId>> forget(String node) {
        Map<String, Set<PrincipalId>> rooms = byNode.remove(node);
        if (rooms == null) {
            return Map.of();
        }
        Map<String, List<PrincipalId>> had = new HashMap<>();
        rooms.forEach((room, users) -> {
            users.forEach(user -> uncount(room, user));
            had.put(room, new ArrayList<>(users));
        });
        return had;
    }

    private void uncount(String room, PrincipalId user) {
        Map<PrincipalId, Integer> users = byRoom.get(room);
        if (users.merge(user, -1, Integer::sum) == 0) {
            users.remove(user);
            if (users.isEmpty()) {
                byRoom.remove(room);
            }
        }
    }
}
