package org.openpchat.chat.sip.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipSession;

/**
 * Ends chat dialogs that went silent for two session-timer periods (a client that crashed or
 * lost its network sends no BYE): their rooms are left and the others told. No BYE is sent.
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
        Instant cutoff = Instant.now().minusSeconds(2L * ChatServlet.SESSION_EXPIRES);
        for (ChatSessions.ChatSession session : sessions.idleSince(cutoff)) {
            LOG.info("chat dialog of " + session.user() + " silent since " + session.lastSeen() + ": ending it");
            CommandContext context = new CommandContext(session, null, chat, sessions);
            SessionEnd.leaveAll(context);
            DialogSender.send(connections, null, context.outbox());
            forget(session.id());
        }
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
