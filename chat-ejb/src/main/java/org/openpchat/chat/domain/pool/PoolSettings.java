package org.openpchat.chat.domain.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * The settings of the pool, one set per pool (Set-CsPersistentChatState,
 * Set-CsPersistentChatActiveServer): its state and the active servers, the nodes of the pool (by
 * the names they are started with) that take clients. An empty list makes every node active; a
 * node not on a list that names others is idle: it runs and hears the pool, but takes no clients.
 * While the pool is failed over no node takes clients.
 *
 * <p>Node names are those of the JVM option {@code openpchat.pool.node}: 1 to {@value #MAX_NAME}
 * letters, digits, dots, hyphens and underscores, compared without regard to case. A list names
 * at most {@value #MAX_ACTIVE_SERVERS} servers, each once (Lync's pool had up to 8 servers, 4 of
 * them active; here any of 8 may be).
 */
public class PoolSettings {

    /** The key of the one row the schema holds. */
    public static final long ID = 1;
    public static final int MAX_ACTIVE_SERVERS = 8;
    public static final int MAX_NAME = 256;
    private static final Pattern NODE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private Long id;
    private PoolState state = PoolState.NORMAL;
    private Set<String> activeServers = new LinkedHashSet<>();
    private long version;

    protected PoolSettings() {
    }

    /** The settings of a pool nobody changed: Normal, every node active. */
    public static PoolSettings initial() {
        PoolSettings settings = new PoolSettings();
        settings.id = ID;
        return settings;
    }

    /** A copy that shares nothing with this one (e.g. for a cache outside the transaction). */
    public PoolSettings copy() {
        PoolSettings copy = initial();
        copy.state = state;
        copy.activeServers.addAll(activeServers);
        return copy;
    }

    public void changeState(PoolState newState) {
        if (newState == null) {
            throw DomainException.invalid("the pool's state is Normal or FailedOver");
        }
        this.state = newState;
    }

    /** The active servers become exactly these; none makes every node active. */
    public void replaceActiveServers(Collection<String> names) {
        if (names == null) {
            throw DomainException.invalid("give the active servers, or none to make every node active");
        }
        List<String> replacement = new ArrayList<>();
        for (String name : names) {
            String valid = nodeName(name);
            if (listed(replacement, valid)) {
                throw DomainException.invalid("active server " + valid + " is named twice");
            }
            replacement.add(valid);
        }
        use(replacement);
    }

    /** Adds the names not yet listed and removes those listed; names neither way are left as they are. */
    public void modifyActiveServers(Collection<String> add, Collection<String> remove) {
        List<String> modified = new ArrayList<>(activeServers);
        for (String name : remove) {
            String valid = nodeName(name);
            modified.removeIf(listed -> listed.equalsIgnoreCase(valid));
        }
        for (String name : add) {
            String valid = nodeName(name);
            if (!listed(modified, valid)) {
                modified.add(valid);
            }
        }
        use(modified);
    }

    private void use(List<String> names) {
        if (names.size() > MAX_ACTIVE_SERVERS) {
            throw DomainException.invalid("a pool has at most " + MAX_ACTIVE_SERVERS + " active servers, not "
                    + names.size());
        }
        activeServers.clear();
        activeServers.addAll(names);
    }

    /**
     * Whether the node of this name takes clients: while the pool is Normal, when every node is
     * active or the list names it. A server that is no node of a pool (a null name) is not
     * concerned by the list: it serves while Normal.
     */
    public boolean serves(String nodeName) {
        return state == PoolState.NORMAL && (nodeName == null || activeServers.isEmpty()
                || listed(activeServers, nodeName));
    }

    private static boolean listed(Collection<String> names, String name) {
        return names.stream().anyMatch(listed -> listed.equalsIgnoreCase(name));
    }

    /** A pool node's name as the JVM option {@code openpchat.pool.node} gives it. */
    public static String nodeName(String name) {
        String valid = Validate.name(name, "an active server's name", MAX_NAME);
        if (!NODE_NAME.matcher(valid).matches()) {
            throw DomainException.invalid("an active server is a pool node's name (letters, digits, '.', '-', '_'),"
                    + " not " + valid);
        }
        return valid;
    }

    public PoolState state() {
        return state;
    }

    /** The active servers by name, in alphabetical order; empty: every node is active. */
    public List<String> activeServers() {
        return activeServers.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
