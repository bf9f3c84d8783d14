package org.openpchat.client.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * Logs the SIP messages of client stacks at FINEST to java.util.logging (enable logger
 * {@code org.openpchat.client.sip.messages} to trace the wire). Public: JAIN-SIP instantiates it by name.
 */
public class JulServerLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("org.openpchat.client.sip.messages");

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    @Override
    public void logException(Exception e) {
        LOG.log(Level.FINE, "SIP message processing", e);
    }

    @Override
    public void setStackProperties(Properties properties) {
        // JUL levels decide
    }

    @Override
    public void setSipStack(SipStack stack) {
        // not needed
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest((sender ? "sent " : "received ") + from + " -> " + to + "\n" + message);
        }
    }
}
