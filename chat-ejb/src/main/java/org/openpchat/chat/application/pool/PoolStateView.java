package org.openpchat.chat.application.pool;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.pool.PoolSettings;

/**
 * The pool (Get-CsPersistentChatState): its state, its active servers (none: every node is
 * active), whether this server is a node of a pool at all, and the nodes it knows, this one first,
 * each active or idle by the settings.
 */
public record PoolStateView(String state, List<String> activeServers, boolean pooled, List<PoolNodeView> nodes)
        implements Serializable {

    public PoolStateView {
        activeServers = List.copyOf(activeServers);
        nodes = List.copyOf(nodes);
    }

    static PoolStateView of(PoolSettings settings, Optional<NodeId> self, List<NodeView> nodes) {
        String selfName = self.map(NodeId::name).orElse(null);
        return new PoolStateView(settings.state().text(), settings.activeServers(), self.isPresent(),
                nodes.stream().map(node -> new PoolNodeView(node.name(), node.name().equals(selfName),
                        node.responding(), settings.serves(node.name()), node.signedInConnections(),
                        node.usersInRooms(), node.lastHeard())).toList());
    }

    /** The settings alone: the pool's version tag is theirs. */
    public PoolSettingsView settings() {
        return new PoolSettingsView(state, activeServers);
    }
}
