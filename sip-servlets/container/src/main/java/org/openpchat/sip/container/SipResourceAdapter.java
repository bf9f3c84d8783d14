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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The SIP servlet container as a Jakarta Connectors resource adapter: it owns the JAIN-SIP
 * stack, listens where configured, and delivers SIP messages to servlets (message-driven beans
 * activated against it). Each setting can be overridden by a system property
 * {@code openpchat.sip.<name>} (for example {@code -Dopenpchat.sip.port=5070}); passwords belong in
 * the adapter's configuration as GlassFish password aliases, not on a command line.
 */
@Connector(displayName = "Open Persistent Chat SIP servlet container", vendorName = "openpchat", eisType = "SIP",
        version = "0.1", transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction)
public class SipResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(SipResourceAdapter.class.getName());

    @ConfigProperty(description = "Address to listen on; plain udp and tcp only on a loopback address unless "
            + "plainTransportsOnNetwork is true")
    private String host = "127.0.0.1";

    @ConfigProperty(description = "Port of udp and tcp")
    private Integer port = 5060;

    @ConfigProperty(description = "Port of tls")
    private Integer tlsPort = 5061;

    @ConfigProperty(description = "Comma-separated transports: udp, tcp, tls")
    private String transports = "udp,tcp,tls";

    @ConfigProperty(description = "Whether udp and tcp may listen on an address that is not a loopback address")
    private Boolean plainTransportsOnNetwork = false;

    @ConfigProperty(description = "Largest SIP message accepted, in bytes")
    private Integer maxMessageSize = 262144;

    @ConfigProperty(description = "JAIN-SIP message processing threads")
    private Integer stackThreads = 8;

    @ConfigProperty(description = "Key store with the server's TLS key and certificate chain (needed for tls)")
    private String tlsKeyStore = "";

    @ConfigProperty(description = "Type of the key store (default PKCS12)")
    private String tlsKeyStoreType = "";

    @ConfigProperty(description = "Password of the key store and its key; give a password alias, ${ALIAS=name}",
            confidential = true)
    private String tlsKeyStorePassword = "";

    @ConfigProperty(description = "Trust store for client certificates (default: the JVM's trust store)")
    private String tlsTrustStore = "";

    @ConfigProperty(description = "Type of the trust store (default: that of the key store)")
    private String tlsTrustStoreType = "";

    @ConfigProperty(description = "Password of the trust store (default: the key store's)", confidential = true)
    private String tlsTrustStorePassword = "";

    @ConfigProperty(description = "Client certificates: none, want or require")
    private String tlsClientCertificates = "none";

    @ConfigProperty(description = "TLS protocols, TLSv1.3 and TLSv1.2 only (default both)")
    private String tlsProtocols = "";

    @ConfigProperty(description = "TLS cipher suites (default: forward-secret ones, see SipTls)")
    private String tlsCipherSuites = "";

    private volatile SipContainer container;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        SipSettings settings;
        try {
            settings = SipSettingsParser.parse(this::setting);
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("SIP container settings: " + e.getMessage(), e);
        }
        try {
            SipContainer started = new SipContainer(settings, context);
            started.start();
            container = started;
        } catch (Exception e) {
            throw new ResourceAdapterInternalException("SIP container did not start on " + settings.host() + " ("
                    + settings.listening() + "): " + e, e);
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

    /** A setting by name: the system property openpchat.sip.NAME if set, else the configured value. */
    private String setting(String name) {
        Object configured = switch (name) {
            case "host" -> host;
            case "port" -> port;
            case "tlsPort" -> tlsPort;
            case "transports" -> transports;
            case "plainTransportsOnNetwork" -> plainTransportsOnNetwork;
            case "maxMessageSize" -> maxMessageSize;
            case "stackThreads" -> stackThreads;
            case "tlsKeyStore" -> tlsKeyStore;
            case "tlsKeyStoreType" -> tlsKeyStoreType;
            case "tlsKeyStorePassword" -> tlsKeyStorePassword;
            case "tlsTrustStore" -> tlsTrustStore;
            case "tlsTrustStoreType" -> tlsTrustStoreType;
            case "tlsTrustStorePassword" -> tlsTrustStorePassword;
            case "tlsClientCertificates" -> tlsClientCertificates;
            case "tlsProtocols" -> tlsProtocols;
            case "tlsCipherSuites" -> tlsCipherSuites;
            default -> throw new IllegalArgumentException("no setting " + name);
        };
        return System.getProperty("openpchat.sip." + name, configured == null ? "" : String.valueOf(configured));
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

    public Integer getTlsPort() {
        return tlsPort;
    }

    public void setTlsPort(Integer tlsPort) {
        this.tlsPort = tlsPort;
    }

    /** "is", not "get": GlassFish reads a Boolean property's default through isXxx and warns otherwise. */
    public Boolean isPlainTransportsOnNetwork() {
        return plainTransportsOnNetwork;
    }

    public void setPlainTransportsOnNetwork(Boolean plainTransportsOnNetwork) {
        this.plainTransportsOnNetwork = plainTransportsOnNetwork;
    }

    public String getTlsKeyStore() {
        return tlsKeyStore;
    }

    public void setTlsKeyStore(String tlsKeyStore) {
        this.tlsKeyStore = tlsKeyStore;
    }

    public String getTlsKeyStoreType() {
        return tlsKeyStoreType;
    }

    public void setTlsKeyStoreType(String tlsKeyStoreType) {
        this.tlsKeyStoreType = tlsKeyStoreType;
    }

    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }

    public String getTlsTrustStore() {
        return tlsTrustStore;
    }

    public void setTlsTrustStore(String tlsTrustStore) {
        this.tlsTrustStore = tlsTrustStore;
    }

    public String getTlsTrustStoreType() {
        return tlsTrustStoreType;
    }

    public void setTlsTrustStoreType(String tlsTrustStoreType) {
        this.tlsTrustStoreType = tlsTrustStoreType;
    }

    public String getTlsTrustStorePassword() {
        return tlsTrustStorePassword;
    }

    public void setTlsTrustStorePassword(String tlsTrustStorePassword) {
        this.tlsTrustStorePassword = tlsTrustStorePassword;
    }

    public String getTlsClientCertificates() {
        return tlsClientCertificates;
    }

    public void setTlsClientCertificates(String tlsClientCertificates) {
        this.tlsClientCertificates = tlsClientCertificates;
    }

    public String getTlsProtocols() {
        return tlsProtocols;
    }

    public void setTlsProtocols(String tlsProtocols) {
        this.tlsProtocols = tlsProtocols;
    }

    public String getTlsCipherSuites() {
        return tlsCipherSuites;
    }

    public void setTlsCipherSuites(String tlsCipherSuites) {
        this.tlsCipherSuites = tlsCipherSuites;
    }
}
