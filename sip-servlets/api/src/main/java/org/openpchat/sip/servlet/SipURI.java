package org.openpchat.sip.servlet;

/** A sip: or sips: URI (JSR 289 {@code javax.servlet.sip.SipURI}). */
public interface SipURI extends URI {

    String getUser();

    String getHost();

    /** The port, or -1 if the URI has none. */
    int getPort();

    boolean isSecure();

    /** The {@code transport} parameter, or null. */
    String getTransportParam();
}
