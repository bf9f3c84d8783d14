package org.openpchat.chat.application.pool;

import java.util.UUID;

/**
 * A node of the pool as the others know it: its configured name and the id of this start of it,
 * so that a node that restarted is told apart from what it was before.
 */
public record NodeId(String name, String start) {

    public NodeId {
        if (name == null || name.isBlank() || start == null || start.isBlank()) {
            throw new IllegalArgumentException("a pool node needs a name and a start id");
        }
    }

    /** This start of the node called {@code name}. */
    public static NodeId starting(String name) {
        return new NodeId(name, UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return name + "/" + start;
    }
}
