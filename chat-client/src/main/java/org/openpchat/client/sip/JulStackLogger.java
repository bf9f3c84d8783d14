package org.openpchat.client.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the JAIN-SIP stack's own logging to java.util.logging (logger {@code org.openpchat.client.sip.jainsip}),
 * never to log4j. Public with a no-argument constructor: JAIN-SIP instantiates it by name.
 */
public class JulStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("org.openpchat.client.sip.jainsip");

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

    @Override
    public void logException(Throwable e) {
        LOG.log(Level.WARNING, "JAIN-SIP", e);
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

    @Override
    public void logError(String message, Exception e) {
        if ("could not instantiate SSL networking".equals(message)) {
            // JAIN-SIP tries the key store the JVM names first; ClientNetworkLayer replaces it
            LOG.log(Level.FINE, "JAIN-SIP could not use the JVM's key store", e);
        } else {
            LOG.log(Level.WARNING, message, e);
        }
    }

    /**
     * JAIN-SIP warns at every stack start that TLS has no key or trust store; the client never
     * uses TLS, so these two go to FINE.
     */
    @Override
    public void logWarning(String message) {
        if (message != null && (message.startsWith("TLS server settings will be inactive")
                || message.startsWith("TLS trust settings will be inactive"))) {
            LOG.fine(message);
        } else {
            LOG.warning(message);
        }
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
