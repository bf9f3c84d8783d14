package org.openpchat.sip.servlet;

/** Creates addresses, URIs, application sessions and initial requests (JSR 289 {@code SipFactory}). */
public interface SipFactory {

    URI createURI(String uri);

    Address createAddress(String nameAddr);

    SipApplicationSession createApplicationSession();

    /** A request outside any dialog; its responses go to the servlet named {@code handler}. */
    SipServletRequest createRequest(SipApplicationSession session, String method, Address from, Address to,
            String handler);
}
