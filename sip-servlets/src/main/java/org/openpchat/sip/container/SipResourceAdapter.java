package org.openpchat.sip.container;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The SIP servlet container's resource adapter. This first cut only takes part in the EAR's
 * life cycle; the JAIN-SIP stack, listening points and servlet dispatch come with the SIP
 * container work (see README.md in this module).
 */
@Connector(displayName = "Open Persistent Chat SIP servlet container",
        vendorName = "openpchat", eisType = "SIP",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SipResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SipResourceAdapter.class.getName());

    @Override
    public void start(BootstrapContext context) {
        LOG.info("SIP servlet container resource adapter started (no listening points configured yet)");
    }

    @Override
    public void stop() {
        LOG.info("SIP servlet container resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) {
        throw new UnsupportedOperationException("SIP servlet endpoints are not supported yet");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // nothing was activated
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // A resource adapter is compared by identity: each deployment owns its own instance.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
