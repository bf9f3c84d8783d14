package org.openpchat.sip.container;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    InProcessContainer(int port) throws Exception {
        adapter.setPort(port);
        adapter.start(new Bootstrap());
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
