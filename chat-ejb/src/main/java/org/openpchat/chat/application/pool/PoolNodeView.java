package org.openpchat.chat.application.pool;

import java.io.Serializable;
import java.time.Instant;

/**
 * A node of the pool as Get-CsPersistentChatState shows it: whether it is this server, whether it
 * answers, whether the pool's settings make it active (it takes clients) or idle, and its figures.
 */
public record PoolNodeView(String name, boolean self, boolean responding, boolean active, int signedInConnections,
        int usersInRooms, Instant lastHeard) implements Serializable {
}
