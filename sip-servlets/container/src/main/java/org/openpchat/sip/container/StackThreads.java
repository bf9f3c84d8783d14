package org.openpchat.sip.container;

import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread group of JAIN-SIP's threads: the stack is started on a thread of this group, so every
 * thread it makes (listeners, connections, message parsers) belongs to it. A thread that dies of
 * an exception leaves one line in the log instead of a stack trace on stderr: JAIN-SIP 1.3.0-91
 * ends a connection's parser thread by throwing when a client announces a body above the message
 * size limit (SipTortureIT).
 */
final class StackThreads extends ThreadGroup {

    private static final Logger LOG = Logger.getLogger("org.openpchat.sip.jainsip");

    @FunctionalInterface
    interface Start {
        void run() throws Exception;
    }

    private StackThreads(String name) {
        super(name);
    }

    /** Runs {@code start} on a thread of a new group and waits for it; its failure is rethrown. */
    static void start(String name, Start start) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread starter = new Thread(new StackThreads(name), () -> {
            try {
                start.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }, name + "-start");
        starter.start();
        starter.join();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        LOG.warning(() -> thread.getName() + " ended: " + e);
        LOG.log(Level.FINE, thread.getName(), e);
    }
}
