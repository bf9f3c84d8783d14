package org.openpchat.sip.container;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.transaction.xa.XAResource;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;

/**
 * The resource adapter run without an application server: a thread pool for the WorkManager
 * and plain objects for the message-driven beans. For container tests that need no GlassFish.
 */
final class InProcessContainer implements AutoCloseable {

    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final SipResourceAdapter adapter = new SipResourceAdapter();

    private final int port;
    private final int tlsPort;

    /** Plain udp and tcp on {@code port}; with {@code settings} for more (tls on {@code tlsPort}). */
    InProcessContainer(int port, int tlsPort, Consumer<SipResourceAdapter> settings) throws Exception {
        this.port = port;
        this.tlsPort = tlsPort;
        adapter.setPort(port);
        adapter.setTlsPort(tlsPort);
        adapter.setTransports("udp,tcp");
        settings.accept(adapter);
        try {
            adapter.start(new Bootstrap());
        } catch (Exception e) {
            threads.shutdownNow();
            throw e;
        }
    }

    /**
     * On a port that was free on 127.0.0.1 for TCP and UDP when it was picked; another pick if
     * some other process took it before the container bound it.
     */
    static InProcessContainer onFreePort() throws Exception {
        return onFreePorts(adapter -> { });
    }

    /** Like {@link #onFreePort()}, with a free TCP port for tls too and more settings. */
    static InProcessContainer onFreePorts(Consumer<SipResourceAdapter> settings) throws Exception {
        Exception failure = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                int port = freePort();
                int tlsPort;
                do {
                    tlsPort = freePort();
                } while (tlsPort == port);
                return new InProcessContainer(port, tlsPort, settings);
            } catch (ResourceAdapterInternalException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                try (DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), loopback)) {
                    return tcp.getLocalPort();
                } catch (SocketException udpTaken) {
                    // try another
                }
            }
        }
        throw new IOException("no port free for both TCP and UDP on 127.0.0.1");
    }

    int port() {
        return port;
    }

    int tlsPort() {
        return tlsPort;
    }

    /** What {@code SipConnection.getDeliveryDelayMillis()} tells a servlet. */
    long deliveryDelayMillis() throws Exception {
        return adapter.running().deliveryDelayMillis();
    }

    /** The client transactions the container's stack holds. */
    int clientTransactions() throws Exception {
        return ((gov.nist.javax.sip.stack.SIPTransactionStack) adapter.running().stack()).getClientTransactionTableSize();
    }

    void deploy(String name, String requestUser, SipServlet servlet) throws Exception {
        SipServletActivationSpec spec = new SipServletActivationSpec();
        spec.setServletName(name);
        spec.setRequestUser(requestUser);
        adapter.endpointActivation(factory(servlet), spec);
    }

    @Override
    public void close() {
        adapter.stop();
        threads.shutdownNow();
    }

    private static MessageEndpointFactory factory(SipServlet servlet) {
        return new MessageEndpointFactory() {
            @Override
            public MessageEndpoint createEndpoint(XAResource resource) {
                InvocationHandler handler = (proxy, method, args) -> {
                    if (method.getDeclaringClass() == MessageEndpoint.class) {
                        return null;
                    }
                    return method.invoke(servlet, args);
                };
                return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {MessageEndpoint.class, SipServletEndpoint.class}, handler);
            }

            @Override
            public MessageEndpoint createEndpoint(XAResource resource, long timeout) {
                return createEndpoint(resource);
            }

            @Override
            public boolean isDeliveryTransacted(Method method) {
                return false;
            }

            @Override
            public String getActivationName() {
                return servlet.getClass().getName();
            }

            @Override
            public Class<?> getEndpointClass() {
                return servlet.getClass();
            }
        };
    }

    private final class Bootstrap implements BootstrapContext {

        @Override
        public WorkManager getWorkManager() {
            return new ExecutorWorkManager(threads);
        }

        @Override
        public XATerminator getXATerminator() {
            return null;
        }

        @Override
        public Timer createTimer() {
            return new Timer("sip-test-timer", true);
        }

        @Override
        public boolean isContextSupported(Class<? extends WorkContext> type) {
            return false;
        }

        @Override
        public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
            return null;
        }
    }
}
