package org.openpchat.client.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import gov.nist.core.ServerLogger;
import gov.nist.core.StackLogger;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SecurityManagerProvider;
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

import javax.net.ssl.SSLContext;
import javax.sip.SipStack;

/**
 * JAIN-SIP stacks that share a JVM with other stacks (a server's own, other clients') without
 * disturbing them, and whose {@link #stop} really ends their threads:
 *
 * <ul>
 * <li>stacks are constructed directly, never through {@code javax.sip.SipFactory}, whose singleton
 * keeps every stack it made for the life of the JVM and whose path name a server may have set;
 * names are unique;</li>
 * <li>JAIN-SIP logs through java.util.logging: JAIN-SIP makes the logger of the newest stack the
 * logger of all its static code, so every stack in a JVM must log the same way. The loggers are
 * {@link JulStackLogger} and {@link JulServerLogger} when the class loader of JAIN-SIP can load
 * them (a standalone tool), else those of the SIP servlet container in the same application
 * (JAIN-SIP in the resource adapter, this client in a module of the EAR);</li>
 * <li>no stack option with JVM-wide effect is set (post-parsing thread pool, linger timer);</li>
 * <li>no key store is opened: JAIN-SIP builds TLS from the JVM's javax.net.ssl properties, and fails
 * without a key store password where the JVM names a store (GlassFish does); the stacks take their
 * sockets from {@link ClientNetworkLayer} instead, TLS ones from the client's own context;</li>
 * <li>each stack is built on a daemon thread of its own {@link ThreadGroup}, so the threads it starts
 * there are in that group; {@link #stop} interrupts what is left of them (JAIN-SIP 1.3.0-91 leaves
 * its non-daemon event scanner parked after {@code stop()}).</li>
 * </ul>
 */
public final class SipStacks {

    private static final Logger LOG = Logger.getLogger(SipStacks.class.getName());
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String CONTAINER_STACK_LOGGER = "org.openpchat.sip.container.JulStackLogger";
    private static final String CONTAINER_SERVER_LOGGER = "org.openpchat.sip.container.JulServerLogger";
    private static final String CONTAINER_NETWORK_LAYER = "org.openpchat.sip.container.ContainerNetworkLayer";
    private static final String CONTAINER_SECURITY_MANAGER_PROVIDER =
            "org.openpchat.sip.container.ContainerSecurityManagerProvider";
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long STOP_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Object WAKE_UP = new Object();

    private SipStacks() {
    }

    /** A running stack and the thread group that owns its threads. */
    public record Handle(SipStack stack, ThreadGroup threads) {
    }

    /** What to do with a fresh stack (create listening points, providers, start it) on its own thread group. */
    @FunctionalInterface
    public interface StackSetup<T> {
        T setUp(Handle handle) throws Exception;
    }

    /**
     * Creates a stack (automatic dialog support off, reentrant listener, connections cached) named
     * {@code prefix} plus a unique suffix, with {@code extra} properties on top, and runs {@code setup}
     * with it on a daemon thread of a fresh thread group. If setup fails the stack is stopped.
     *
     * @param tls the context of the stack's TLS sockets (TLS 1.3 and 1.2 only); null for a stack
     *        without TLS
     * @throws SipClientException if the stack cannot be created or set up
     */
    public static <T> T create(String prefix, Properties extra, SSLContext tls, StackSetup<T> setup) {
        String name = prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // the default, named so that JAIN-SIP does not warn about it at every start
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        loggerClass(StackLogger.class, JulStackLogger.class.getName(), CONTAINER_STACK_LOGGER)
                .ifPresent(c -> p.setProperty("gov.nist.javax.sip.STACK_LOGGER", c));
        loggerClass(ServerLogger.class, JulServerLogger.class.getName(), CONTAINER_SERVER_LOGGER)
                .ifPresent(c -> p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", c));
        networkClasses(p, tls != null);
        if (tls != null) {
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3,TLSv1.2");
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                    String.join(",", tls.getDefaultSSLParameters().getCipherSuites()));
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            ClientNetworkLayer.register(name, tls);
        }
        p.putAll(extra);
        ThreadGroup group = new ThreadGroup(name);
        FutureTask<T> task = new FutureTask<>(() -> {
            SipStack stack = new SipStackImpl(p);
            try {
                return setup.setUp(new Handle(stack, group));
            } catch (Exception | Error e) {
                stop(new Handle(stack, group));
                throw e;
            }
        });
        Thread starter = new Thread(group, task, name + "-starter");
        starter.setDaemon(true);
        starter.start();
        boolean started = false;
        try {
            T result = task.get(30, TimeUnit.SECONDS);
            started = true;
            return result;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SipClientException sce) {
                throw sce;
            }
            throw new SipClientException("cannot start SIP stack " + name + ": " + cause, cause);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new SipClientException("SIP stack " + name + " did not start within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new SipClientException("interrupted while starting SIP stack " + name, e);
        } finally {
            if (!started) {
                ClientNetworkLayer.unregister(name);
            }
        }
    }

    /**
     * Stops the stack and wakes its event scanner so that it sees the stop; interrupts whatever
     * thread of the stack's group is still alive half a second later and waits up to 2 s more.
     */
    public static void stop(Handle handle) {
        ClientNetworkLayer.unregister(handle.stack().getStackName());
        EventScanner scanner = handle.stack() instanceof SipStackImpl impl ? impl.getEventScanner() : null;
        try {
            handle.stack().stop();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "while stopping " + handle.threads().getName(), e); // threads must end anyway
        }
        if (scanner != null) {
            // JAIN-SIP 1.3.0-91 leaves the scanner parked on its queue after stop(). An event no
            // listener is given (its source is no provider, so delivering it fails inside the
            // scanner, which logs that at FINE) wakes it; it then sees the stop and ends.
            scanner.addEvent(new EventWrapper(new EventObject(WAKE_UP), null));
        }
        ThreadGroup group = handle.threads();
        if (!awaitEnded(group, GRACE_NANOS)) {
            for (Thread t : others(group)) {
                LOG.fine(() -> "interrupting " + t.getName() + " of " + group.getName() + ", left after stop");
                t.interrupt();
            }
            if (!awaitEnded(group, STOP_WAIT_NANOS)) {
                LOG.warning("threads of SIP stack " + group.getName() + " still alive after stop: " + others(group));
            }
        }
    }

    /** Whether every thread of the group but the caller ended within {@code nanos}. */
    private static boolean awaitEnded(ThreadGroup group, long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (!others(group).isEmpty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The live threads of the group, the caller left out (a stack that failed to set up is stopped from its group). */
    private static List<Thread> others(ThreadGroup group) {
        Thread[] live = new Thread[group.activeCount() + 8];
        int n = group.enumerate(live, true);
        List<Thread> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (live[i] != Thread.currentThread() && live[i].isAlive()) {
                out.add(live[i]);
            }
        }
        return out;
    }

    /**
     * A port free on {@code host} for TCP (and UDP too if {@code udp}) at the time of the call
     * (another process may take it before it is bound: callers retry).
     */
    public static int freePort(String host, boolean udp) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getByName(host))) {
                int port = ss.getLocalPort();
                if (udp) {
                    try (DatagramSocket ds = new DatagramSocket(port, InetAddress.getByName(host))) {
                        // free for UDP as well
                    } catch (IOException busy) {
                        continue;
                    }
                }
                return port;
            } catch (IOException e) {
                // try again
            }
        }
        throw new SipClientException("no free port on " + host);
    }

    /**
     * JAIN-SIP loads its loggers by name from its own class loader: the first candidate that loader
     * can load as a {@code type}, or empty (JAIN-SIP's log4j default) if none.
     */
    private static Optional<String> loggerClass(Class<?> type, String... candidates) {
        Optional<String> found = loadable(type, candidates);
        if (found.isEmpty()) {
            LOG.warning("JAIN-SIP cannot load a java.util.logging " + type.getSimpleName()
                    + ": the client's stacks log through log4j");
        }
        return found;
    }

    /**
     * JAIN-SIP loads its network layer and security manager provider by name from its own class
     * loader: the client's ({@link ClientNetworkLayer}) where that loader sees them (a standalone
     * client), else the SIP container's (this client in a module of the EAR, JAIN-SIP in the
     * resource adapter), which open no key store either but give a client stack no TLS.
     */
    private static void networkClasses(Properties p, boolean tls) {
        Optional<String> layer = loadable(NetworkLayer.class, ClientNetworkLayer.class.getName(),
                CONTAINER_NETWORK_LAYER);
        Optional<String> provider = loadable(SecurityManagerProvider.class,
                ClientSecurityManagerProvider.class.getName(), CONTAINER_SECURITY_MANAGER_PROVIDER);
        if (tls && !layer.equals(Optional.of(ClientNetworkLayer.class.getName()))) {
            throw new SipClientException("TLS needs the client's network layer, which JAIN-SIP cannot load here "
                    + "(its class loader does not see the client's classes)");
        }
        layer.ifPresent(c -> p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", c));
        provider.ifPresent(c -> p.setProperty("gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER", c));
    }

    /** The first candidate JAIN-SIP's class loader can load as a {@code type}. */
    private static Optional<String> loadable(Class<?> type, String... candidates) {
        ClassLoader jainSip = SipStackImpl.class.getClassLoader();
        for (String candidate : candidates) {
            try {
                if (type.isAssignableFrom(Class.forName(candidate, false, jainSip))) {
                    return Optional.of(candidate);
                }
            } catch (ClassNotFoundException | LinkageError notVisible) {
                // next candidate
            }
        }
        return Optional.empty();
    }
}
