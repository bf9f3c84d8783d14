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
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.chat.RoomPresence;
import org.openpchat.chat.application.pool.PoolNode;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.RoomUri;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.chat.sip.xccos.XccosWriter;
import org.openpchat.sip.servlet.SipConnectionFactory;

/**
 * Tells this node's chat dialogs in a room that someone came in or left on another node of the
 * pool ({@code ntc:join}, {@code ntc:part}), up to the ParticipantUpdateLimit as for this node's
 * own people ({@link RosterNotices}).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolRosters {

    @EJB
    private PoolNode pool;
    @EJB
    private ChatSessions sessions;
    @EJB
    private RoomOccupancy occupancy;
    @EJB
    private ChatFacade chat;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    private final ChatServerSettings settings = new ChatServerSettings();
    private final RoomPresence roster = new RoomPresence() {
        @Override
        public void entered(String roomUid, PrincipalId user, boolean manager) {
            if (occupancy.count(roomUid) <= chat.serverInfo().participantUpdateLimit()) {
                String notice = RosterNotices.joinNotice(new XccosWriter(), user.name(), settings.sipDomain(), roomUid,
                        manager);
                toRoom(roomUid, notice);
            }
        }

        @Override
        public void left(String roomUid, PrincipalId user) {
            if (occupancy.count(roomUid) + 1 <= chat.serverInfo().participantUpdateLimit()) {
                toRoom(roomUid, RosterNotices.partNotice(new XccosWriter(), user.name(), uri(roomUid)));
            }
        }
    };

    @PostConstruct
    void listen() {
        pool.listen(roster);
    }

    @PreDestroy
    void stop() {
        pool.unlisten(roster);
    }

    private String uri(String roomUid) {
        return new RoomUri(settings.sipDomain(), roomUid).toString();
    }

    private void toRoom(String roomUid, String notice) {
        List<Outgoing> outbox = sessions.sessionsIn(uri(roomUid)).stream()
                .map(session -> new Outgoing(session.id(), notice)).toList();
        DialogSender.send(connections, null, outbox);
    }
}
