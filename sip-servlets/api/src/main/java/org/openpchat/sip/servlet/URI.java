package org.openpchat.sip.servlet;

/** A URI in a SIP message (JSR 289 {@code javax.servlet.sip.URI}). */
public interface URI {

    String getScheme();

    boolean isSipURI();

    /** The parameter's value, "" for a parameter without value, null if absent. */
    String getParameter(String name);

    @Override
    String toString();
}
