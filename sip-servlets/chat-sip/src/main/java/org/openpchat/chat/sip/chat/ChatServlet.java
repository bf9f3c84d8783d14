package org.openpchat.chat.sip.chat;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.openpchat.chat.sip.auth.Flow;
import org.openpchat.chat.sip.auth.SipAuthenticator;
import org.openpchat.chat.sip.auth.SipUsers;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.chat.sip.registrar.Registrations;
import org.openpchat.chat.sip.xccos.MalformedXccosException;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosParser;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * The chat endpoint: dialogs INVITEd to one of the chat endpoints (the pool URI, the Group Chat
 * URI, whatever New-CsPersistentChatEndpoint added) carry XCCOS in INFO bodies. Every INFO is
 * answered at once; replies, notices and posts follow as INFOs from the server. Runs without a
 * transaction: each use case commits on its own before any message leaves.
 * <p>
 * Per user ({@link UserLimits}): a bounded number of dialogs at once ({@link DialogLimit},
 * {@code 403}) and a request rate over INVITE, UPDATE and INFO ({@link UserRequestRates}, {@code
 * 503} with {@code Retry-After}). A BYE is never refused for the rate: it only frees what the
 * user holds. Posts are refused with {@code 503} while the server is behind ({@link PostShedding}).
 */
@MessageDriven(messageListenerInterface = SipServletEndpoint.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "servletName", propertyValue = "chat"),
    @ActivationConfigProperty(propertyName = "methods", propertyValue = "INVITE,ACK,CANCEL,INFO,UPDATE,BYE"),
    @ActivationConfigProperty(propertyName = "order", propertyValue = "900")})
@ConnectionFactoryDefinition(name = ChatServlet.CONNECTIONS, resourceAdapter = "#sip-servlets",
        interfaceName = "org.openpchat.sip.servlet.SipConnectionFactory",
        transactionSupport = TransactionSupportLevel.NoTransaction)
public class ChatServlet extends SipServlet {

    static final String CONNECTIONS = "java:app/pchat/ChatSipConnections";
    /** Clients refresh with UPDATE before this; dialogs silent for twice as long are ended. */
    static final int SESSION_EXPIRES = 600;

    @EJB
    private SipAuthenticator authenticator;
    @EJB
    private ChatFacade chat;
    @EJB
    private ChatSessions sessions;
    @EJB
    private Registrations registrations;
    @EJB
    private UserRequestRates rates;
    @EJB
    private Departures departures;
    @Resource(lookup = CONNECTIONS)
    private SipConnectionFactory connections;

    private final XccosParser parser = new XccosParser();
    private final CommandDispatcher dispatcher = new CommandDispatcher();
    private final DialogLimit dialogLimit = new DialogLimit(UserLimits.configured().dialogsPerUser());
    private final PostShedding shedding = PostShedding.configured();

    @Override
    protected void doInvite(SipServletRequest request) {
        if (!addressedToChat(request)) {
            return;
        }
        String user = authenticator.requireUser(request);
        if (user == null || !rates.admit(request, user)) {
            return;
        }
        if (!chat.persistentChatEnabled(user)) {
            request.createResponse(403, "Persistent Chat is disabled for this user").send();
            return;
        }
        Flow flow = Flow.of(request);
        if (dialogLimit.open(request, sessions, user, registrations.trusts(flow, user) ? flow.connection() : 0) == null) {
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Session-Expires", SESSION_EXPIRES + ";refresher=uac");
        ok.send();
    }

    @Override
    protected void doUpdate(SipServletRequest request) {
        ChatSessions.ChatSession session = sessions.find(request.getSession().getId());
        if (session == null) {
            noDialog(request);
            return;
        }
        if (!rates.admit(request, session.user())) {
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Session-Expires", SESSION_EXPIRES + ";refresher=uac");
        ok.send();
    }

    @Override
    protected void doBye(SipServletRequest request) {
        ChatSessions.ChatSession session = sessions.find(request.getSession().getId());
        if (session == null && !chat.isChatEndpoint(SipUsers.userOf(request.getRequestURI()))) {
            request.createResponse(404, "Not Found").send();
            return;
        }
        boolean closed = session != null && sessions.close(session.id()) != null;
        request.createResponse(200).send(); // leaves at once: the dialog is gone before the client hears so
        if (closed) {
            departures.leaveRoomsOf(session);
        }
    }

    @Override
    protected void doInfo(SipServletRequest request) {
        ChatSessions.ChatSession session = sessions.find(request.getSession().getId());
        if (session == null) {
            noDialog(request);
            return;
        }
        if (!rates.admit(request, session.user())) {
            return;
        }
        XccosEnvelope envelope;
        try {
            envelope = parser.parse(body(request));
        } catch (MalformedXccosException e) {
            request.createResponse(e.getMessage().startsWith("body above") ? 413 : 400, "Bad XCCOS: " + reason(e)).send();
            return;
        }
        if (shedding.refuses(request, envelope, connections)) {
            return;
        }
        CommandContext context = new CommandContext(session, envelope.envid(), chat, sessions);
        XccosException refusal = shedding.timed(envelope, () -> {
            try {
                return dispatcher.dispatch(context, envelope);
            } catch (RuntimeException e) { // answered with the command's code, not the container's bare 500
                return CommandDispatcher.refusal(e);
            }
        });
        if (refusal == null) {
            request.createResponse(200).send();
        } else {
            request.createResponse(refusal.status().code(), reason(refusal)).send();
        }
        DialogSender.send(connections, request.getSession(), context.outbox());
    }

    /** Answers 404 to a new dialog for an address that is not a chat endpoint. */
    private boolean addressedToChat(SipServletRequest request) {
        if (chat.isChatEndpoint(SipUsers.userOf(request.getRequestURI()))) {
            return true;
        }
        request.createResponse(404, "Not Found").send();
        return false;
    }

    /** A chat dialog this node does not know: 481 (the client starts over), or 404 off the endpoints. */
    private void noDialog(SipServletRequest request) {
        if (chat.isChatEndpoint(SipUsers.userOf(request.getRequestURI()))) {
            request.createResponse(481, "Call/Transaction Does Not Exist").send();
        } else {
            request.createResponse(404, "Not Found").send();
        }
    }

    private static String body(SipServletRequest request) {
        if (request.getContentLength() > XccosParser.MAX_CHARACTERS * 4) {
            throw new MalformedXccosException("body above " + XccosParser.MAX_CHARACTERS + " characters");
        }
        return request.getContent();
    }

    /** A reason phrase: one line, bounded. */
    private static String reason(RuntimeException e) {
        String text = e.getMessage() == null ? "" : e.getMessage().replaceAll("[\\r\\n]+", " ");
        return text.length() > 200 ? text.substring(0, 200) : text;
    }
}
