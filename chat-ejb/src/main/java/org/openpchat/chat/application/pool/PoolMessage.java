package org.openpchat.chat.application.pool;

import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.chat.PostedMessage;
import org.openpchat.chat.domain.principal.PrincipalId;

/** What the nodes of a pool tell each other, each message naming the node that sent it. */
public sealed interface PoolMessage {

    NodeId from();

    /** A post that the sender committed, for the members in the room on the other nodes. */
    record Posted(NodeId from, PostedMessage post) implements PoolMessage {
    }

    /** The sender is alive, with its figures of the moment. */
    record Beat(NodeId from, Instant at, int signedInConnections, int usersInRooms) implements PoolMessage {
    }

    /** A user of the sender came into a room. */
    record Entered(NodeId from, String roomUid, PrincipalId user, boolean manager) implements PoolMessage {
    }

    /** A user of the sender left a room. */
    record Left(NodeId from, String roomUid, PrincipalId user) implements PoolMessage {
    }

    /** The sender found a node it did not know: every node tells who is in its rooms ({@link Occupants}). */
    record Hello(NodeId from) implements PoolMessage {
    }

    /** Who is in a room on the sender, in answer to a {@link Hello}. */
    record Occupants(NodeId from, String roomUid, List<PrincipalId> users) implements PoolMessage {

        public Occupants {
            users = List.copyOf(users);
        }
    }

    /** An administrator changed rights on the sender (the change as audited). */
    record AccessChange(NodeId from, String action) implements PoolMessage {
    }

    /** A user's SIP credential changed on the sender. */
    record CredentialChange(NodeId from, PrincipalId user) implements PoolMessage {
    }
}
