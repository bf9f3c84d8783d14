package org.openpchat.sip.container;

import org.openpchat.sip.servlet.SipURI;

/** A JAIN-SIP URI seen through the servlet API. */
final class UriImpl implements SipURI {

    private final javax.sip.address.URI uri;

    UriImpl(javax.sip.address.URI uri) {
        this.uri = uri;
    }

    javax.sip.address.URI jainUri() {
        return uri;
    }

    @Override
    public String getScheme() {
        return uri.getScheme();
    }

    @Override
    public boolean isSipURI() {
        return uri.isSipURI();
    }

    @Override
    public String getParameter(String name) {
        return uri instanceof javax.sip.address.SipURI sip ? sip.getParameter(name) : null;
    }

    @Override
    public String getUser() {
        return uri instanceof javax.sip.address.SipURI sip ? sip.getUser() : null;
    }

    @Override
    public String getHost() {
        return uri instanceof javax.sip.address.SipURI sip ? sip.getHost() : null;
    }

    @Override
    public int getPort() {
        return uri instanceof javax.sip.address.SipURI sip ? sip.getPort() : -1;
    }

    @Override
    public boolean isSecure() {
        return uri instanceof javax.sip.address.SipURI sip && sip.isSecure();
    }

    @Override
    public String getTransportParam() {
        return uri instanceof javax.sip.address.SipURI sip ? sip.getTransportParam() : null;
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
