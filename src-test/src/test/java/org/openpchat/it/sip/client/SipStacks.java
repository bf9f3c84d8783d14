package org.openpchat.it.sip.client;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.SipFactory;
import javax.sip.SipStack;

import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.varia.NullAppender;

/**
 * Plumbing shared by the test client and test stubs: quiet JAIN-SIP stacks with unique names,
 * built inside their own daemon {@link ThreadGroup} so that {@link #stop} can end every thread
 * the stack started (platform-notes §3: non-daemon JAIN-SIP threads keep a JVM alive).
 */
public final class SipStacks {

    public static final String HOST = "127.0.0.1";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private SipStacks() {
    }

    /** A running stack and the thread group that owns its threads. */
    public record Handle(SipStack stack, ThreadGroup threads) {
    }

    /**
     * Creates a stack (automatic dialog support off, reentrant listener, logging off) and runs
     * {@code setup} on a daemon thread of a fresh thread group, so threads the stack starts
     * there inherit group and daemon status.
     */
    public static <T> T create(String prefix, Properties extra, StackSetup<T> setup) throws Exception {
        quietLogging();
        String name = prefix + "-" + SEQ.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.putAll(extra);
        ThreadGroup group = new ThreadGroup(name);
        Callable<T> task = () -> {
            SipStack stack = SipFactory.getInstance().createSipStack(p);
            try {
                return setup.setUp(new Handle(stack, group));
            } catch (Exception | Error e) {
                stop(new Handle(stack, group));
                throw e;
            }
        };
        FutureTask<T> future = new FutureTask<>(task);
        Thread starter = new Thread(group, future, name + "-starter");
        starter.setDaemon(true);
        starter.start();
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** What to do with a fresh stack on the stack's own thread group. */
    @FunctionalInterface
    public interface StackSetup<T> {
        T setUp(Handle handle) throws Exception;
    }

    /** Stops the stack, then interrupts whatever thread of its group is still alive. */
    public static void stop(Handle handle) {
        try {
            handle.stack().stop();
        } catch (RuntimeException ignored) {
            // keep going: threads must end anyway
        }
        forget(handle.stack());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (handle.threads().activeCount() > 0 && System.nanoTime() < deadline) {
            Thread[] live = new Thread[handle.threads().activeCount() + 8];
            int n = handle.threads().enumerate(live, true);
            for (int i = 0; i < n; i++) {
                if (live[i] != Thread.currentThread()) {
                    live[i].interrupt();
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * SipFactory keeps every stack it ever created (by name and in a list) for the life of the
     * JVM; drop ours so stopped stacks can be collected. Best effort.
     */
    private static void forget(SipStack stack) {
        SipFactory factory = SipFactory.getInstance();
        synchronized (factory) {
            try {
                for (String field : new String[] {"sipStackByName", "sipStackList"}) {
                    java.lang.reflect.Field f = SipFactory.class.getDeclaredField(field);
                    f.setAccessible(true);
                    Object holder = f.get(factory);
                    if (holder instanceof java.util.Map<?, ?> m) {
                        m.values().remove(stack);
                    } else if (holder instanceof java.util.Collection<?> c) {
                        c.remove(stack);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // another JAIN-SIP version: the stack just stays referenced
            }
        }
    }

    /** A port free on 127.0.0.1 for TCP and/or UDP at the time of the call. */
    public static int freePort(boolean tcp, boolean udp) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
                int port = ss.getLocalPort();
                if (udp) {
                    try (DatagramSocket ds = new DatagramSocket(port, InetAddress.getByName(HOST))) {
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
        throw new IllegalStateException("no free port on " + HOST);
    }

    /** reload4j: no "No appenders" warning and no JAIN-SIP chatter; other loggers untouched. */
    static synchronized void quietLogging() {
        Logger root = Logger.getRootLogger();
        if (!root.getAllAppenders().hasMoreElements()) {
            root.addAppender(new NullAppender());
        }
        Logger.getLogger("gov.nist").setLevel(Level.OFF);
        Logger.getLogger("javax.sip").setLevel(Level.OFF);
    }
}
