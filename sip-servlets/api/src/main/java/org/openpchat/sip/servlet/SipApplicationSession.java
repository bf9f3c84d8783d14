package org.openpchat.sip.servlet;

import java.util.Collection;
import java.util.Set;

/** Groups the SIP sessions and timers of one application use (JSR 289). */
public interface SipApplicationSession {

    String getId();

    Collection<SipSession> getSessions();

    Collection<ServletTimer> getTimers();

    Object getAttribute(String name);

    Set<String> getAttributeNames();

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    boolean isValid();

    /** Invalidates its sessions and cancels its timers. */
    void invalidate();
}
