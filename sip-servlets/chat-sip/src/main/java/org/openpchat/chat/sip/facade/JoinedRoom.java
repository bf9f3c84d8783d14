package org.openpchat.chat.sip.facade;

import java.util.Set;

/** A room just joined: what rpl:join describes, with the users in it and which of them manage it. */
public record JoinedRoom(String uri, String uid, String domain, String name, String description, String topic,
        Set<String> occupants, Set<String> managers) {

    public JoinedRoom {
        occupants = Set.copyOf(occupants);
        managers = Set.copyOf(managers);
    }
}
