package org.openpchat.sip.container;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sends JAIN-SIP's own logging to java.util.logging (GlassFish's log), not to log4j. */
public class JulStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("org.openpchat.sip.jainsip");
    /** JAIN-SIP 1.3.0-91's words (TLSMessageChannel.run, SipStackImpl's constructor). */
    static final String HANDSHAKE_FAILED = "A problem occured while Accepting connection";
    static final String JVM_KEY_STORE_REFUSED = "could not instantiate SSL networking";
    /** NioTcpMessageProcessor's selector loop: a refused connection closes before JAIN-SIP registers it. */
    static final String SELECTION_FAILED = "Problem processing selection key event";
    /** EventScanner.run: the stack's event thread, interrupted when the stack stops. */
    static final String EVENT_THREAD_INTERRUPTED = "Interrupted!";

    @Override
    public void logStackTrace() {
        // stack traces of the stack's internals are not worth a log line
    }

    @Override
    public void logStackTrace(int level) {
        // as above
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    /**
     * The stack reports what it makes of a client's broken message (a request without CSeq, a
     * response to a port no socket has) as exceptions: one line each; the stack trace at FINE.
     */
    @Override
    public void logException(Throwable e) {
        oneLine("JAIN-SIP", e);
    }

    @Override
    public void logDebug(String message) {
        LOG.finer(message);
    }

    @Override
    public void logDebug(String message, Exception e) {
        LOG.log(Level.FINER, message, e);
    }

    @Override
    public void logTrace(String message) {
        LOG.finest(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.severe(message);
    }

    @Override
    public void logError(String message) {
        LOG.warning(message);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isLoggable(Level.FINE);
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        return LOG.isLoggable(toJul(level));
    }

    /**
     * Some of JAIN-SIP's errors are not the server's: a TLS handshake a peer failed (a plain client
     * on the TLS port, an old TLS version, a refused client certificate) is one INFO line, not a
     * stack trace per connection; its attempt to build TLS from the JVM's key store (GlassFish
     * names its own in javax.net.ssl.keyStore, without the password) before it takes the
     * container's network layer is expected (FINE), and so is the interrupt that ends its event
     * thread when the stack stops (undeploy, domain stop), which it reports as an error whether
     * or not the stack was stopping (it says "exited abnormally" on its own when it was not).
     */
    @Override
    public void logError(String message, Exception e) {
        if (HANDSHAKE_FAILED.equals(message)) {
            LOG.info(() -> "TLS handshake failed: " + e);
        } else if (SELECTION_FAILED.equals(message) && e instanceof java.nio.channels.ClosedChannelException) {
            LOG.log(Level.FINE, "a connection closed before the selector took it (refused, or gone)", e);
        } else if (EVENT_THREAD_INTERRUPTED.equals(message) && e instanceof InterruptedException) {
            LOG.log(Level.FINE, "JAIN-SIP's event thread interrupted (the stack stops)", e);
        } else if (JVM_KEY_STORE_REFUSED.equals(message)) {
            LOG.log(Level.FINE, "JAIN-SIP could not use the JVM's key store (the container's network layer "
                    + "replaces it)", e);
        } else {
            oneLine(message, e);
        }
    }

    private static void oneLine(String message, Throwable e) {
        LOG.warning(() -> message + ": " + e);
        LOG.log(Level.FINE, message, e);
    }

    @Override
    public void logWarning(String message) {
        LOG.warning(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.fine(message);
    }

    @Override
    public void disableLogging() {
        // JUL levels decide
    }

    @Override
    public void enableLogging() {
        // JUL levels decide
    }

    @Override
    public void setBuildTimeStamp(String stamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties properties) {
        // JUL levels decide
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }

    private static Level toJul(int level) {
        if (level <= TRACE_ERROR) {
            return Level.WARNING;
        }
        if (level <= TRACE_INFO) {
            return Level.FINE;
        }
        return level <= TRACE_DEBUG ? Level.FINER : Level.FINEST;
    }
}
