package org.openpchat.chat.sip.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipSession;

/**
 * Sends XCCOS documents as in-dialog INFOs ({@code text/plain; charset=UTF-8}), each leaving as
 * it is sent (the servlet sends replies after answering their request); a dialog that has ended
 * is skipped.
 */
final class DialogSender {

    static final String CONTENT_TYPE = "text/plain; charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(DialogSender.class.getName());

    private DialogSender() {
    }

    static void send(SipConnectionFactory connections, SipSession current, List<Outgoing> outbox) {
        if (outbox.isEmpty()) {
            return;
        }
        try (SipConnection connection = connections.getConnection()) {
            String text = null;
            byte[] encoded = null;
            for (Outgoing outgoing : outbox) {
                SipSession session = current != null && current.getId().equals(outgoing.sessionId())
                        ? current : connection.getSession(outgoing.sessionId());
                if (session != null && session.isValid()) {
                    if (!outgoing.xccos().equals(text)) { // a fan-out's members share one document
                        text = outgoing.xccos();
                        encoded = text.getBytes(StandardCharsets.UTF_8);
                    }
                    SipServletRequest info = session.createRequest("INFO");
                    info.setContent(encoded, CONTENT_TYPE);
                    info.send();
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not send to chat dialogs", e);
        }
    }

    /** Ends the dialogs from the server's side: a BYE each, and the SIP session is dropped. */
    static void bye(SipConnectionFactory connections, List<String> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        try (SipConnection connection = connections.getConnection()) {
            for (String sessionId : sessionIds) {
                SipSession session = connection.getSession(sessionId);
                if (session != null && session.isValid()) {
                    session.createRequest("BYE").send();
                    session.invalidate();
                }
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not end chat dialogs", e);
        }
    }
}
