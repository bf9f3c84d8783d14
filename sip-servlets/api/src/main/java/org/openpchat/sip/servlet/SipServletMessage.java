package org.openpchat.sip.servlet;

import java.util.List;

/**
 * What requests and responses share (JSR 289 {@code javax.servlet.sip.SipServletMessage}).
 * Header names are case-insensitive and compact forms are understood.
 */
public interface SipServletMessage {

    String getMethod();

    Address getFrom();

    Address getTo();

    String getCallId();

    /** The first value of a header, or null. */
    String getHeader(String name);

    /** Every value of a header, in order (multi-valued and repeated headers). */
    List<String> getHeaders(String name);

    List<String> getHeaderNames();

    void setHeader(String name, String value);

    void addHeader(String name, String value);

    void removeHeader(String name);

    /** A header holding an address (Contact, Route, ...), or null. */
    Address getAddressHeader(String name);

    String getContentType();

    int getContentLength();

    /** The body as text (decoded with the charset of the content type, UTF-8 by default), or null. */
    String getContent();

    byte[] getRawContent();

    void setContent(String content, String contentType);

    void setContent(byte[] content, String contentType);

    /** The SIP session (dialog) this message belongs to, created if needed. */
    SipSession getSession();

    SipApplicationSession getApplicationSession();

    /** UDP, TCP or TLS: the transport of the socket the message came over, not what its Via claims. */
    String getTransport();

    /**
     * The number of the TCP or TLS connection the message came over, unique for the life of the
     * container (a later connection from the same address and port gets another); 0 for UDP, which
     * has no connection, and for messages the application created.
     */
    long getConnectionId();

    String getRemoteAddr();

    int getRemotePort();

    String getLocalAddr();

    int getLocalPort();

    /** True once the message was sent (or, for a request, once a final response was sent). */
    boolean isCommitted();

    /**
     * Sends the message. Inside a delivery it leaves when the container transaction commits,
     * and not at all when it rolls back.
     */
    void send();

    Object getAttribute(String name);

    void setAttribute(String name, Object value);
}
