package org.openpchat.chat.sip.chat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Locale;
import org.openpchat.chat.application.access.AccessChanged;
import org.openpchat.chat.application.access.AccessListener;
import org.openpchat.chat.application.access.AccessListeners;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.sip.servlet.SipConnectionFactory;

/**
 * Brings the node's chat dialogs in line with changes of rights as soon as they commit: after a
 * change that may take rooms away, dialogs leave the rooms their users may no longer be in
 * ({@link RoomEviction}); after a user's credential changed or the user was removed, the user's
 * dialogs end (the rooms are left, the others told, and the client gets a BYE), as they were
 * opened with what proves nothing now.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AccessWatcher {

    @EJB
    private AccessListeners listeners;
    @EJB
    private ChatSessions sessions;
    @EJB
    private ChatFacade chat;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    private final AccessListener listener = new AccessListener() {
        @Override
        public void accessChanged(AccessChanged change) {
            DialogSender.send(connections, null, new RoomEviction(sessions, chat).evictWhereRefused());
        }

        @Override
        public void credentialChanged(PrincipalId user) {
            endDialogsOf(user);
        }
    };

    @PostConstruct
    void listen() {
        listeners.register(listener);
    }

    @PreDestroy
    void stop() {
        listeners.unregister(listener);
    }

    private void endDialogsOf(PrincipalId user) {
        String name = user.name().toLowerCase(Locale.ROOT);
        String address = name.startsWith("sip:") ? name.substring(4) : name;
        EndedDialogs ended = EndedDialogs.end(sessions.of(address), sessions, chat, "was opened with a changed credential");
        DialogSender.send(connections, null, ended.notices());
        DialogSender.bye(connections, ended.sessionIds());
    }
}
