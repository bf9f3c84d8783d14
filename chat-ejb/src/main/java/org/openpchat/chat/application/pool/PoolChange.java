package org.openpchat.chat.application.pool;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.openpchat.chat.domain.pool.PoolSettings;
import org.openpchat.chat.domain.pool.PoolState;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Set-CsPersistentChatState and Set-CsPersistentChatActiveServer in one request; a null part
 * stays as it is.
 */
public record PoolChange(PoolState state, ActiveServers activeServers) implements Serializable {

    public static PoolChange state(PoolState state) {
        return new PoolChange(state, null);
    }

    public static PoolChange activeServers(List<String> names) {
        return new PoolChange(null, ActiveServers.replacing(names));
    }

    /** Lync's list modifiers on the active servers: names added and removed, or the list replaced. */
    public record ActiveServers(List<String> add, List<String> remove, List<String> replace) implements Serializable {

        public ActiveServers {
            add = copy(add == null ? List.of() : add);
            remove = copy(remove == null ? List.of() : remove);
            replace = replace == null ? null : copy(replace);
            if (replace != null && (!add.isEmpty() || !remove.isEmpty())) {
                throw DomainException.invalid("Replace cannot be combined with Add or Remove");
            }
        }

        public static ActiveServers replacing(List<String> names) {
            if (names == null) {
                throw DomainException.invalid("give the active servers, or none to make every node active");
            }
            return new ActiveServers(null, null, names);
        }

        /** A copy that may hold a null name (the domain refuses it with its reason). */
        private static List<String> copy(List<String> names) {
            return Collections.unmodifiableList(new ArrayList<>(names));
        }

        void applyTo(PoolSettings settings) {
            if (replace != null) {
                settings.replaceActiveServers(replace);
            } else {
                settings.modifyActiveServers(add, remove);
            }
        }
    }
}
