package org.openpchat.chat.application.pool;

import java.util.function.Consumer;

/**
 * Carries messages to every other node of the pool (a JMS topic): at most once, quickly, in no
 * promised order; what must not be lost is in the database, and the receivers order by it.
 */
public interface PoolBus {

    void publish(PoolMessage message);

    /**
     * From now on every message on the bus, this node's own included, goes to {@code receiver},
     * one at a time, on a thread of the bus.
     */
    void subscribe(Consumer<PoolMessage> receiver);
}
