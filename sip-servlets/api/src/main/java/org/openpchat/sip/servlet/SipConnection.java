package org.openpchat.sip.servlet;

/** A handle on the SIP container; close it when done (try-with-resources). */
public interface SipConnection extends AutoCloseable {

    SipFactory getSipFactory();

    TimerService getTimerService();

    /** A live SIP session by {@link SipSession#getId()}, or null if it ended or never existed. */
    SipSession getSession(String id);

    /** A live application session by id, or null. */
    SipApplicationSession getApplicationSession(String id);

    /**
     * How far behind the container is, in milliseconds: the latest of its queues, each the 90th
     * percentile of how long its messages lately (over the last one to two seconds) waited in it:
     * everything received, before it was parsed; requests from clients, before their servlet got
     * them; messages to clients, until they were written to their TCP or TLS connection (a write
     * blocks while the client's socket is full). A servlet may refuse new work while this grows.
     */
    long getDeliveryDelayMillis();

    /** The container's figures for operators (connections, queues, cuts, write latency). */
    SipStatistics getStatistics();

    @Override
    void close();
}
