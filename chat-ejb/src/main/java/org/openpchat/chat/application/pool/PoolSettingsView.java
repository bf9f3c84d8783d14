package org.openpchat.chat.application.pool;

import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.domain.pool.PoolSettings;

/**
 * The pool's settings as an administrator sets them: what the audit log keeps of a change and
 * what the pool's ETag is made of (the nodes' figures change every second, the settings do not).
 */
public record PoolSettingsView(String state, List<String> activeServers) implements Serializable {

    public PoolSettingsView {
        activeServers = List.copyOf(activeServers);
    }

    public static PoolSettingsView of(PoolSettings settings) {
        return new PoolSettingsView(settings.state().text(), settings.activeServers());
    }
}
