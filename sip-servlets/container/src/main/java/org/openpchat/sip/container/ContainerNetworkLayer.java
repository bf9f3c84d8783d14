package org.openpchat.sip.container;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * JAIN-SIP's sockets (gov.nist.javax.sip.NETWORK_LAYER): plain ones as JAIN-SIP makes them (but
 * for the listeners, below), TLS ones from the container's own key material ({@link SipTls}). JAIN-SIP would otherwise build TLS
 * from the JVM's javax.net.ssl system properties, which win over a stack's properties and which
 * GlassFish sets to its own key store without the password. JAIN-SIP creates this class by name,
 * so it finds its stack's material through the stack name, registered before the stack is made.
 * A stack without material (a client's, or a container without tls) gets no TLS sockets.
 * The container's own TCP and TLS listeners are NIO ones ({@link ContainerMessageProcessorFactory})
 * and take no sockets from here but the TLS key and trust managers
 * ({@link ContainerSecurityManagerProvider}); client stacks (the tests', the load tool's) do.
 */
public class ContainerNetworkLayer implements NetworkLayer {

    private static final Map<String, SipTls.Material> MATERIAL_BY_STACK = new ConcurrentHashMap<>();
    private static final int CONNECT_TIMEOUT_MILLIS = 8000;

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile SipTls.Material material;
    private volatile String stackName = "(no stack)";

    static void register(String stackName, SipTls.Material material) {
        MATERIAL_BY_STACK.put(stackName, material);
    }

    static void unregister(String stackName) {
        MATERIAL_BY_STACK.remove(stackName);
    }

    static SipTls.Material materialOf(String stackName) {
        return stackName == null ? null : MATERIAL_BY_STACK.get(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        stackName = stack.getStackName();
        material = materialOf(stackName);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return (SSLServerSocket) tls().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    /** An outgoing TLS connection checks the peer's certificate against the address it dials. */
    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        SSLSocket socket = (SSLSocket) tls().getSocketFactory().createSocket();
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        try {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new ConnectException("TLS connection to " + address + ":" + port + " timed out");
        }
        return socket;
    }

    private javax.net.ssl.SSLContext tls() throws IOException {
        SipTls.Material m = material;
        if (m == null) {
            throw new IOException("SIP stack " + stackName + " has no TLS key material");
        }
        return m.context();
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return plain.createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return plain.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return plain.createSocket(address, port, localAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return plain.createSocket(address, port, localAddress, localPort);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return plain.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress localAddress) throws SocketException {
        return plain.createDatagramSocket(port, localAddress);
    }
}
