package org.openpchat.sip.servlet;

import java.util.Set;

/**
 * A dialog, or the point-to-point relationship of a request outside one
 * (JSR 289 {@code javax.servlet.sip.SipSession}).
 */
public interface SipSession {

    enum State {
        INITIAL, EARLY, CONFIRMED, TERMINATED
    }

    String getId();

    String getCallId();

    Address getLocalParty();

    Address getRemoteParty();

    State getState();

    /** A new in-dialog request (INFO, NOTIFY, UPDATE, BYE, ...), sent over the dialog's connection. */
    SipServletRequest createRequest(String method);

    SipApplicationSession getApplicationSession();

    Object getAttribute(String name);

    Set<String> getAttributeNames();

    void setAttribute(String name, Object value);

    void removeAttribute(String name);

    boolean isValid();

    /** Forgets the session: later requests on its dialog get 481. */
    void invalidate();
}
