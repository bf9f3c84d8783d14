package org.openpchat.chat.sip.chat;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.List;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.sip.servlet.SipConnectionFactory;

/**
 * The rooms of dialogs ended by a BYE are left here, after the BYE was answered and off the
 * connection's turn: thousands of users signing out at once are answered at once, and their
 * leaves go to the database {@value #BATCH} to a transaction ({@link DepartureBatch}) instead of
 * one each. The dialog is closed before it gets here, so nothing is delivered to it any more.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Departures {

    static final int BATCH = 200;

    @EJB
    private ChatSessions sessions;
    @EJB
    private ChatFacade chat;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;
    @Resource
    private ManagedExecutorService executor;

    private final BatchDrain<DepartureBatch.Departure> departures = new BatchDrain<>(BATCH, this::leave);

    /** The dialog ended and is closed: its rooms are to be left. */
    public void leaveRoomsOf(ChatSessions.ChatSession closed) {
        departures.addAll(closed.rooms().stream().map(roomUri -> new DepartureBatch.Departure(closed, roomUri)).toList(),
                executor);
    }

    /** What is still queued when the application stops is left now, on the stopping thread. */
    @PreDestroy
    void leaveWhatIsQueued() {
        departures.drainHere();
    }

    private void leave(List<DepartureBatch.Departure> batch) {
        DialogSender.send(connections, null, DepartureBatch.leave(batch, sessions, chat));
    }
}
