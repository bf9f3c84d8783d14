package org.openpchat.load;

import java.util.Map;
import java.util.TreeMap;

/** Sessions whose connection ended under them, by reason. */
final class Disconnects {

    private final Map<String, Integer> byReason = new TreeMap<>();
    private int total;

    synchronized void add(Exception cause) {
        byReason.merge(cause == null ? "closed by the server" : Population.reason(cause), 1, Integer::sum);
        total++;
    }

    synchronized int count() {
        return total;
    }

    /** The reasons counted since the last call. */
    synchronized Map<String, Integer> takeAll() {
        Map<String, Integer> taken = new TreeMap<>(byReason);
        byReason.clear();
        return taken;
    }
}
