package org.openpchat.sip.servlet;

/** A SIP response (JSR 289 {@code javax.servlet.sip.SipServletResponse}). */
public interface SipServletResponse extends SipServletMessage {

    int getStatus();

    String getReasonPhrase();

    SipServletRequest getRequest();

    /** The ACK for a 2xx response to an INVITE this application sent. */
    SipServletRequest createAck();
}
