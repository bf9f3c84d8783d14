package org.openpchat.sip.servlet;

/** A name-addr of From, To, Contact and the like (JSR 289 {@code javax.servlet.sip.Address}). */
public interface Address {

    URI getURI();

    /** The display name, or null. */
    String getDisplayName();

    /** A header parameter such as {@code tag} or {@code expires}, or null if absent. */
    String getParameter(String name);

    @Override
    String toString();
}
