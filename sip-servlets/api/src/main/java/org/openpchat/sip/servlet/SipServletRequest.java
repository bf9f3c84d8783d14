package org.openpchat.sip.servlet;

/** A SIP request, received or to be sent (JSR 289 {@code javax.servlet.sip.SipServletRequest}). */
public interface SipServletRequest extends SipServletMessage {

    URI getRequestURI();

    /** True for a request that opens a dialog or stands alone; false for in-dialog requests. */
    boolean isInitial();

    int getMaxForwards();

    SipServletResponse createResponse(int statusCode);

    SipServletResponse createResponse(int statusCode, String reasonPhrase);
}
