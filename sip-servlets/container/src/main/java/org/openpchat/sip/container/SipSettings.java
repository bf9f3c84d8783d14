package org.openpchat.sip.container;

import java.util.List;
import java.util.Properties;

/**
 * Where and how the container listens; from the resource adapter's configuration
 * ({@link SipSettingsParser}).
 *
 * @param host the address every listening point binds to
 * @param port the port of the plain transports (udp, tcp)
 * @param tlsPort the port of tls
 * @param transports the transports that listen, lower case, plain ones already left out where the
 *        configuration does not allow them
 * @param tls the key material and TLS rules; null when tls does not listen
 */
record SipSettings(String host, int port, int tlsPort, List<String> transports, int maxMessageSize, int stackThreads,
        SipTls tls) {

    static final String TLS = "tls";

    SipSettings {
        transports = List.copyOf(transports);
        if (transports.contains(TLS) != (tls != null)) {
            throw new IllegalArgumentException("tls listens exactly when its settings are given");
        }
    }

    /** The port a transport listens on. */
    int portOf(String transport) {
        return TLS.equalsIgnoreCase(transport) ? tlsPort : port;
    }

    /** For the log: {@code udp 5060, tcp 5060, tls 5061}. */
    String listening() {
        return String.join(", ", transports.stream().map(t -> t + " " + portOf(t)).toList());
    }

    /** The JAIN-SIP stack's properties. */
    Properties stackProperties(String stackName) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", stackName);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("javax.sip.ROUTER_PATH", FlowRouter.class.getName());
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE", IncomingRequestValve.class.getName());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JulStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JulServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(maxMessageSize));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(stackThreads));
        // TCP and TLS on NIO: one selector thread reads every connection, writes never block
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", ContainerMessageProcessorFactory.class.getName());
        p.setProperty("gov.nist.javax.sip.stack.USE_DIRECT_BUFFERS", "false");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.RFC_2543_SUPPORT_ENABLED", "true");
        // TLS sockets and key managers from the container's own stores, never from the JVM's
        // javax.net.ssl properties (GlassFish's key store, whose password the container does not have)
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", ContainerNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", ContainerSecurityManagerProvider.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        if (tls != null) {
            tls.addStackProperties(p);
        }
        return p;
    }
}
