package org.openpchat.client.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
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
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;

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
     * @param keyStorePassword see {@link SipClientSettings#keyStorePassword()}; may be null
     * @throws SipClientException if the stack cannot be created or set up
     */
    public static <T> T create(String prefix, Properties extra, String keyStorePassword, StackSetup<T> setup) {
        requireKeyStorePassword(keyStorePassword);
        String name = prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        // the defaults, named so that JAIN-SIP does not warn about them at every start
        p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", "gov.nist.javax.sip.stack.DefaultTlsSecurityPolicy");
        p.setProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
        p.setProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
        loggerClass(StackLogger.class, JulStackLogger.class.getName(), CONTAINER_STACK_LOGGER)
                .ifPresent(c -> p.setProperty("gov.nist.javax.sip.STACK_LOGGER", c));
        loggerClass(ServerLogger.class, JulServerLogger.class.getName(), CONTAINER_SERVER_LOGGER)
                .ifPresent(c -> p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", c));
        if (keyStorePassword != null) {
            p.setProperty("javax.net.ssl.keyStorePassword", keyStorePassword);
            p.setProperty("javax.net.ssl.trustStorePassword", keyStorePassword);
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
        try {
            return task.get(30, TimeUnit.SECONDS);
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
        }
    }

    /**
     * Stops the stack and wakes its event scanner so that it sees the stop; interrupts whatever
     * thread of the stack's group is still alive half a second later and waits up to 2 s more.
     */
    public static void stop(Handle handle) {
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
        LOG.warning("JAIN-SIP cannot load a java.util.logging " + type.getSimpleName()
                + ": the client's stacks log through log4j");
        return Optional.empty();
    }

    /** JAIN-SIP opens the key store the JVM names even without TLS, and fails without its password. */
    private static void requireKeyStorePassword(String keyStorePassword) {
        if (System.getProperty("javax.net.ssl.keyStore") != null
                && System.getProperty("javax.net.ssl.keyStorePassword") == null && keyStorePassword == null) {
            throw new SipClientException("this JVM names a key store (javax.net.ssl.keyStore) but not its password,"
                    + " which JAIN-SIP needs even without TLS: give the client the key store password");
        }
    }
}
