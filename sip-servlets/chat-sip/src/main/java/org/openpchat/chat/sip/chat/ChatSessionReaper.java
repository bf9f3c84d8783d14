package org.openpchat.chat.sip.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipSession;

/**
 * Every minute, ends the chat dialogs that went silent for two session-timer periods
 * ({@link SilentDialogs}), sends the part notices and drops their SIP sessions. No BYE is sent.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatSessionReaper {

    private static final Logger LOG = Logger.getLogger(ChatSessionReaper.class.getName());

    @EJB
    private ChatSessions sessions;
    @EJB
    private ChatFacade chat;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    @Schedule(minute = "*", hour = "*", persistent = false)
    public void endSilentSessions() {
        SilentDialogs.Ended ended = new SilentDialogs(sessions, chat, Clock.systemUTC()).end();
        DialogSender.send(connections, null, ended.notices());
        ended.sessionIds().forEach(this::forget);
    }

    private void forget(String sessionId) {
        try (SipConnection connection = connections.getConnection()) {
            SipSession sipSession = connection.getSession(sessionId);
            if (sipSession != null && sipSession.isValid()) {
                sipSession.invalidate();
            }
        } catch (Exception e) {
            LOG.fine("could not invalidate " + sessionId + ": " + e);
        }
    }
}
