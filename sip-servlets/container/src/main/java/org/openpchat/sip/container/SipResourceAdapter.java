package org.openpchat.sip.container;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The SIP servlet container as a Jakarta Connectors resource adapter: it owns the JAIN-SIP
 * stack, listens where configured, and delivers SIP messages to servlets (message-driven beans
 * activated against it). Each setting can be overridden by a system property
 * {@code openpchat.sip.<name>} (for example {@code -Dopenpchat.sip.port=5061}).
 */
@Connector(displayName = "Open Persistent Chat SIP servlet container", vendorName = "openpchat", eisType = "SIP",
        version = "0.1", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SipResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SipResourceAdapter.class.getName());

    @ConfigProperty(description = "Address to listen on")
    private String host = "127.0.0.1";

    @ConfigProperty(description = "Port to listen on")
    private Integer port = 5060;

    @ConfigProperty(description = "Comma-separated transports: udp, tcp")
    private String transports = "udp,tcp";

    @ConfigProperty(description = "Largest SIP message accepted, in bytes")
    private Integer maxMessageSize = 262144;

    @ConfigProperty(description = "JAIN-SIP message processing threads")
    private Integer stackThreads = 8;

    @ConfigProperty(description = "Password of the server's key and trust stores (GlassFish's master password)")
    private String keyStorePassword = "changeit";

    private volatile SipContainer container;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        SipSettings settings = new SipSettings(setting("host", host), Integer.parseInt(setting("port", port)),
                Arrays.stream(setting("transports", transports).split(",")).map(String::strip)
                        .map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList(),
                Integer.parseInt(setting("maxMessageSize", maxMessageSize)),
                Integer.parseInt(setting("stackThreads", stackThreads)), setting("keyStorePassword", keyStorePassword));
        try {
            SipContainer started = new SipContainer(settings, context);
            started.start();
            container = started;
        } catch (Exception e) {
            throw new ResourceAdapterInternalException("SIP container did not start on " + settings.host() + ":"
                    + settings.port() + ": " + e, e);
        }
    }

    @Override
    public void stop() {
        SipContainer running = container;
        container = null;
        if (running != null) {
            try {
                running.stop();
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "SIP container did not stop cleanly", e);
            }
        }
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        SipServletActivationSpec sipSpec = (SipServletActivationSpec) spec;
        sipSpec.validate();
        String name = sipSpec.getServletName() != null && !sipSpec.getServletName().isBlank()
                ? sipSpec.getServletName() : factory.getEndpointClass().getSimpleName();
        running().servlets().add(new ServletEndpoint(name, ServletRule.of(sipSpec), factory));
        LOG.info("SIP servlet " + name + " activated");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        SipContainer running = container;
        if (running != null) {
            running.servlets().remove(factory);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    SipContainer running() throws ResourceException {
        SipContainer running = container;
        if (running == null) {
            throw new ResourceException("the SIP container is not running");
        }
        return running;
    }

    private static String setting(String name, Object configured) {
        return System.getProperty("openpchat.sip." + name, String.valueOf(configured));
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

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getTransports() {
        return transports;
    }

    public void setTransports(String transports) {
        this.transports = transports;
    }

    public Integer getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public Integer getStackThreads() {
        return stackThreads;
    }

    public void setStackThreads(Integer stackThreads) {
        this.stackThreads = stackThreads;
    }

    public String getKeyStorePassword() {
        return keyStorePassword;
    }

    public void setKeyStorePassword(String keyStorePassword) {
        this.keyStorePassword = keyStorePassword;
    }
}
