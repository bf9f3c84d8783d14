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
     * How late the container is in writing to clients: the longest a message to a client's TCP or
     * TLS connection has lately (over the last one to two seconds) waited behind earlier ones, in
     * milliseconds. A servlet may refuse new work while this grows.
     */
    long getDeliveryDelayMillis();

    @Override
    void close();
}
