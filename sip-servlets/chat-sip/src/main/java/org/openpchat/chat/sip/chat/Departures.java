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
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
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
    private static final Logger LOG = Logger.getLogger(Departures.class.getName());

    @EJB
    private ChatSessions sessions;
    @EJB
    private ChatFacade chat;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;
    @Resource
    private ManagedExecutorService executor;

    private final Queue<DepartureBatch.Departure> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** The dialog ended and is closed: its rooms are to be left. */
    public void leaveRoomsOf(ChatSessions.ChatSession closed) {
        for (String roomUri : closed.rooms()) {
            queue.add(new DepartureBatch.Departure(closed, roomUri));
        }
        startDraining();
    }

    /** What is still queued when the application stops is left now, on the stopping thread. */
    @PreDestroy
    void leaveWhatIsQueued() {
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void startDraining() {
        if (!queue.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) { // the application is stopping: @PreDestroy leaves them
                draining.set(false);
                LOG.log(Level.FINE, "ended chat dialogs' rooms left at shutdown", e);
            }
        }
    }

    private void drain() {
        try {
            List<DepartureBatch.Departure> batch;
            while (!(batch = next()).isEmpty()) {
                try {
                    DialogSender.send(connections, null, DepartureBatch.leave(batch, sessions, chat));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "leaving the rooms of " + batch.size() + " ended chat dialogs failed", e);
                }
            }
        } finally {
            draining.set(false);
            startDraining(); // one added after the last poll, before the flag fell
        }
    }

    private List<DepartureBatch.Departure> next() {
        List<DepartureBatch.Departure> batch = new ArrayList<>();
        DepartureBatch.Departure departure;
        while (batch.size() < BATCH && (departure = queue.poll()) != null) {
            batch.add(departure);
        }
        return batch;
    }
}
