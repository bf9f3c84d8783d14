package org.openpchat.chat.application.pool;

import java.time.Instant;

/** A node of the pool as the dashboard and the API show it. */
public record NodeView(String name, String start, Instant lastHeard, boolean responding, int signedInConnections,
        int usersInRooms) {
}
