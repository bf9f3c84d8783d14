package org.openpchat.sip.container;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import javax.naming.Reference;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;

public class SipConnectionFactoryImpl implements SipConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient SipManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    SipConnectionFactoryImpl(SipManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public SipConnection getConnection() throws ResourceException {
        return (SipConnection) manager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
