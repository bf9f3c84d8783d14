package org.openpchat.sip.container;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;

/** The outbound side: connection handles on the running SIP container, for code outside deliveries. */
@ConnectionDefinition(connectionFactory = SipConnectionFactory.class,
        connectionFactoryImpl = SipConnectionFactoryImpl.class,
        connection = SipConnection.class, connectionImpl = SipConnectionImpl.class)
public class SipManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient SipResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new SipConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() {
        return new SipConnectionFactoryImpl(this, (factory, info) -> factory.createManagedConnection(null, info)
                .getConnection(null, info));
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new SipManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info) {
        for (Object connection : connections) {
            if (connection instanceof SipManagedConnection managed) {
                return managed;
            }
        }
        return null;
    }

    SipContainer container() throws ResourceException {
        if (resourceAdapter == null) {
            throw new ResourceException("not associated with the SIP resource adapter");
        }
        return resourceAdapter.running();
    }

    @Override
    public void setLogWriter(PrintWriter writer) {
        this.logWriter = writer;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = (SipResourceAdapter) adapter;
    }

    // No configuration of its own: all factories of one adapter are interchangeable.
    @Override
    public boolean equals(Object other) {
        return other instanceof SipManagedConnectionFactory factory && factory.resourceAdapter == resourceAdapter;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(resourceAdapter);
    }
}
