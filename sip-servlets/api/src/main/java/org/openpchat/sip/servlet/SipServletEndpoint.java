package org.openpchat.sip.servlet;

/**
 * The message listener interface of the SIP resource adapter: a SIP servlet is a message-driven
 * bean implementing it (normally by extending {@link SipServlet}), so it gets injection and
 * container-managed transactions around each message.
 */
public interface SipServletEndpoint {

    /** Exactly one of the two is non-null, as in JSR 289's {@code service(request, response)}. */
    void service(SipServletRequest request, SipServletResponse response);

    void timeout(ServletTimer timer);
}
