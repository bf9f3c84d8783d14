package org.openpchat.client.sip;

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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The sockets of the client's stacks (JAIN-SIP's gov.nist.javax.sip.NETWORK_LAYER): plain ones as
 * JAIN-SIP makes them, TLS ones from the client's {@link SipClientSettings#tls()} context, with
 * the server's certificate checked against the name or address the client dials. JAIN-SIP would
 * build TLS from the JVM's javax.net.ssl system properties instead, and fail without a key store
 * password where a JVM names a key store (as GlassFish does). JAIN-SIP creates this class by name;
 * it finds its stack's context through the stack name, registered by {@link SipStacks}.
 */
public class ClientNetworkLayer implements NetworkLayer {

    private static final Map<String, SSLContext> TLS_BY_STACK = new ConcurrentHashMap<>();
    private static final int CONNECT_TIMEOUT_MILLIS = 8000;

    private final NetworkLayer plain = DefaultNetworkLayer.SINGLETON;
    private volatile SSLContext tls;
    private volatile String stackName = "(no stack)";

    static void register(String stackName, SSLContext context) {
        TLS_BY_STACK.put(stackName, context);
    }

    static void unregister(String stackName) {
        TLS_BY_STACK.remove(stackName);
    }

    @Override
    public void setSipStack(SipStackImpl stack) {
        stackName = stack.getStackName();
        tls = TLS_BY_STACK.get(stackName);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return (SSLServerSocket) context().getServerSocketFactory().createServerSocket(port, backlog, bindAddress);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket();
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

    private SSLContext context() throws IOException {
        SSLContext context = tls;
        if (context == null) {
            throw new IOException("SIP stack " + stackName + " was not set up for TLS");
        }
        return context;
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
