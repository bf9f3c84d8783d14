package org.openpchat.chat.sip.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.chat.sip.registrar.Registrations;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipSession;

/**
 * Every minute, ends the chat dialogs that went silent for two session-timer periods
 * ({@link SilentDialogs}: their SIP sessions are dropped, no BYE is sent) and those that outlived
 * the sign-in they were opened on (the client signed out, or its registration expired: they get a
 * BYE) or whose connection the container cut (a client that stopped reading), and sends the part
 * notices.
 */
@Singleton
@Startup // not made by its timer during an undeploy: GlassFish's singleton shutdown then fails
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatSessionReaper {

    private static final Logger LOG = Logger.getLogger(ChatSessionReaper.class.getName());

    @EJB
    private ChatSessions sessions;
    @EJB
    private ChatFacade chat;
    @EJB
    private Registrations registrations;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    @Schedule(minute = "*", hour = "*", persistent = false)
    public void endSessions() {
        EndedDialogs silent = new SilentDialogs(sessions, chat, Clock.systemUTC()).end();
        DialogSender.send(connections, null, silent.notices());
        silent.sessionIds().forEach(this::forget);
        EndedDialogs signedOut = EndedDialogs.end(sessions.signedOut(registrations::liveConnections), sessions, chat,
                "outlived the sign-in it was opened on");
        DialogSender.send(connections, null, signedOut.notices());
        DialogSender.bye(connections, signedOut.sessionIds());
        EndedDialogs cut = EndedDialogs.end(sessions.all().stream().filter(this::endedByTheContainer).toList(), sessions,
                chat, "lost its connection");
        DialogSender.send(connections, null, cut.notices());
    }

    /** The container cut the dialog's connection (a client that stopped reading): the SIP session is gone. */
    private boolean endedByTheContainer(ChatSessions.ChatSession session) {
        try (SipConnection connection = connections.getConnection()) {
            SipSession sipSession = connection.getSession(session.id());
            return sipSession == null || !sipSession.isValid();
        } catch (Exception e) {
            return false;
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
