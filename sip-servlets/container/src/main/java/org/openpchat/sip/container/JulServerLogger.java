package org.openpchat.sip.container;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/** Logs SIP messages at FINEST (enable logger org.openpchat.sip.messages to trace the wire). */
public class JulServerLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("org.openpchat.sip.messages");

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

    /** A message the container wrote to a flow's connection itself, past the stack. */
    static void sent(SIPMessage message, Flow flow) {
        if (LOG.isLoggable(Level.FINEST)) {
            log(message, flow.localAddr() + ":" + flow.localPort(), flow.remoteAddr() + ":" + flow.remotePort(), true);
        }
    }

    static void sent(byte[] message, Flow flow) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest("sent " + flow.localAddr() + ":" + flow.localPort() + " -> " + flow.remoteAddr() + ":"
                    + flow.remotePort() + "\n" + new String(message, StandardCharsets.UTF_8));
        }
    }

    /** A response the container dropped unparsed: it answers a request whose answer nobody reads. */
    static void dropped(String head) {
        LOG.finest(() -> "received and dropped unread\n" + head);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest((sender ? "sent " : "received ") + from + " -> " + to + "\n" + message);
        }
    }
}
