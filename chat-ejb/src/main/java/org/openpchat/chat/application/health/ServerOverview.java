package org.openpchat.chat.application.health;

import java.util.Map;
import org.openpchat.chat.application.compliance.PipelineView;

/**
 * What the console's dashboard shows of this server: the databases, who is connected, how much is
 * stored, and the compliance pipeline (the pool's state and nodes: PoolAdministration).
 */
public record ServerOverview(Map<String, String> databases, int signedInConnections,
        int usersInRooms, long rooms, long postsToday, PipelineView compliance) {
}
