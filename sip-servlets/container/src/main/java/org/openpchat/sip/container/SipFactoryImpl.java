package org.openpchat.sip.container;

import java.text.ParseException;
import org.openpchat.sip.servlet.Address;
import org.openpchat.sip.servlet.SipApplicationSession;
import org.openpchat.sip.servlet.SipFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.URI;

final class SipFactoryImpl implements SipFactory {

    private final SipContainer container;

    SipFactoryImpl(SipContainer container) {
        this.container = container;
    }

    @Override
    public URI createURI(String uri) {
        try {
            return new UriImpl(container.addresses().createURI(uri));
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a URI: " + uri, e);
        }
    }

    @Override
    public Address createAddress(String nameAddr) {
        try {
            return new AddressImpl(container.addresses().createAddress(nameAddr), null);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an address: " + nameAddr, e);
        }
    }

    @Override
    public SipApplicationSession createApplicationSession() {
        ApplicationSessionImpl session = new ApplicationSessionImpl(container);
        session.register();
        return session;
    }

    @Override
    public SipServletRequest createRequest(SipApplicationSession applicationSession, String method, Address from,
            Address to, String handler) {
        if (container.servlets().byName(handler).isEmpty()) {
            throw new IllegalArgumentException("no SIP servlet named " + handler);
        }
        ApplicationSessionImpl application = (ApplicationSessionImpl) applicationSession;
        application.register();
        SipSessionImpl session = SipSessionImpl.forOutgoing(container, application,
                ((AddressImpl) from).jainAddress(), ((AddressImpl) to).jainAddress(), handler);
        return session.createInitialRequest(method);
    }
}
