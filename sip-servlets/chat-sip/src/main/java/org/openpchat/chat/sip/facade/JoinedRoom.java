package org.openpchat.chat.sip.facade;

import java.util.List;
import java.util.Set;

/**
 * A room just joined: what rpl:join describes, with the users in it (each once, in no particular
 * order) and which of them manage it.
 */
public record JoinedRoom(String uri, String uid, String domain, String name, String description, String topic,
        List<String> occupants, Set<String> managers) {

    public JoinedRoom {
        occupants = List.copyOf(occupants);
        managers = Set.copyOf(managers);
    }
}
