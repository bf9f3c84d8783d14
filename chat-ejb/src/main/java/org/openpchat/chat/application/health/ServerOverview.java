package org.openpchat.chat.application.health;

import java.util.Map;
import org.openpchat.chat.application.compliance.PipelineView;

/**
 * What the console's dashboard shows: the pool (one node until pools land), the databases, who
 * is connected, how much is stored, and the compliance pipeline.
 */
public record ServerOverview(String poolState, Map<String, String> databases, int signedInConnections,
        int usersInRooms, long rooms, long postsToday, PipelineView compliance) {
}
