package org.openpchat.sip.container;

import java.util.ArrayList;
import java.util.List;

/**
 * One call into a servlet. Messages the servlet sends are held here and leave only after the
 * container transaction commits: a rolled-back request must not have told the client "200".
 */
final class Delivery {

    private static final ThreadLocal<Delivery> CURRENT = new ThreadLocal<>();

    private final String servletName;
    private final List<MessageImpl> outbox = new ArrayList<>();

    private Delivery(String servletName) {
        this.servletName = servletName;
    }

    static Delivery begin(String servletName) {
        Delivery delivery = new Delivery(servletName);
        CURRENT.set(delivery);
        return delivery;
    }

    /** The delivery running on this thread, or null outside one. */
    static Delivery current() {
        return CURRENT.get();
    }

    String servletName() {
        return servletName;
    }

    void defer(MessageImpl message) {
        outbox.add(message);
    }

    /** Ends the delivery; returns the messages to send if it committed. */
    List<MessageImpl> end() {
        CURRENT.remove();
        return outbox;
    }
}
