package org.openpchat.chat.application.pool;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.access.AccessChanged;
import org.openpchat.chat.application.chat.MissedPosts;
import org.openpchat.chat.application.chat.PostListeners;
import org.openpchat.chat.application.chat.RoomOccupancy;
import org.openpchat.chat.application.chat.RoomPresence;
import org.openpchat.chat.application.directory.CredentialsChanged;
import org.openpchat.chat.application.health.SignedInConnections;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * This server as a node of a pool, when the JVM option {@value #NODE_PROPERTY} names it. Its
 * committed posts, its people's comings and goings and its administrators' changes of rights go
 * on the pool's bus; the other nodes' come from it: posts to the people in the room here,
 * comings and goings to the rooms' rosters, changes of rights to this node's caches and
 * sessions. Every second it says it is alive (with its figures), forgets the people of nodes
 * that fell silent, and hands on posts whose wait for a missing earlier one ran out. Without the
 * option it is a server of its own and sends nothing.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolNode {

    public static final String NODE_PROPERTY = "openpchat.pool.node";
    /** Beats come every second; three missed ones and a node counts as not responding. */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(3);
    /** Users per {@link PoolMessage.Occupants} message, which keeps it far below the bus's size limit. */
    static final int OCCUPANTS_PER_MESSAGE = 500;
    private static final Logger LOG = Logger.getLogger(PoolNode.class.getName());

    @EJB
    private PostListeners posts;
    @EJB
    private RoomOccupancy occupancy;
    @EJB
    private SignedInConnections connections;
    @Inject
    private MissedPosts missed;
    @Inject
    private PoolBus bus;
    @Inject
    @FromPool
    private Event<AccessChanged> accessChanges;
    @Inject
    @FromPool
    private Event<CredentialsChanged> credentialChanges;

    private final Clock clock;
    private final PoolMembers members;
    private final List<RoomPresence> rosters = new CopyOnWriteArrayList<>();
    private volatile NodeId self;

    public PoolNode() {
        this(Clock.systemUTC());
    }

    PoolNode(Clock clock) {
        this.clock = clock;
        this.members = new PoolMembers(clock, SILENCE_LIMIT);
    }

    /** Outside the container (tests). */
    PoolNode(PostListeners posts, RoomOccupancy occupancy, SignedInConnections connections, MissedPosts missed,
            PoolBus bus, Event<AccessChanged> accessChanges, Event<CredentialsChanged> credentialChanges, Clock clock) {
        this(clock);
        this.posts = posts;
        this.occupancy = occupancy;
        this.connections = connections;
        this.missed = missed;
        this.bus = bus;
        this.accessChanges = accessChanges;
        this.credentialChanges = credentialChanges;
    }

    @PostConstruct
    void join() {
        joinAs(System.getProperty(NODE_PROPERTY));
    }

    void joinAs(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        NodeId node = NodeId.starting(name.strip());
        self = node;
        posts.pooled(post -> bus.publish(new PoolMessage.Posted(node, post)), missed);
        occupancy.pooled(new RoomPresence() {
            @Override
            public void entered(String roomUid, PrincipalId user, boolean manager) {
                send(new PoolMessage.Entered(node, roomUid, user, manager));
            }

            @Override
            public void left(String roomUid, PrincipalId user) {
                send(new PoolMessage.Left(node, roomUid, user));
            }
        });
        bus.subscribe(this::receive);
        send(new PoolMessage.Hello(node));
        LOG.info(() -> "pool node " + node.name() + " (start " + node.start() + ")");
    }

    /** This node's id, if it is a node of a pool. */
    public Optional<NodeId> self() {
        return Optional.ofNullable(self);
    }

    /** A front end that shows rooms' rosters hears here of the people of other nodes. */
    public void listen(RoomPresence roster) {
        rosters.add(roster);
    }

    public void unlisten(RoomPresence roster) {
        rosters.remove(roster);
    }

    /** A message from the bus; this node's own come back too and are dropped. */
    public void receive(PoolMessage message) {
        NodeId node = self;
        if (node == null || message.from().equals(node)) {
            return;
        }
        String from = message.from().toString();
        if (message instanceof PoolMessage.Posted posted) {
            posts.fromPool(posted.post());
        } else if (message instanceof PoolMessage.Beat beat) {
            heard(beat);
        } else if (message instanceof PoolMessage.Entered entered) {
            if (occupancy.enteredElsewhere(from, entered.roomUid(), entered.user())) {
                rosters.forEach(roster -> roster.entered(entered.roomUid(), entered.user(), entered.manager()));
            }
        } else if (message instanceof PoolMessage.Left left) {
            if (occupancy.leftElsewhere(from, left.roomUid(), left.user())) {
                rosters.forEach(roster -> roster.left(left.roomUid(), left.user()));
            }
        } else if (message instanceof PoolMessage.Hello) {
            tellOccupants(node);
        } else if (message instanceof PoolMessage.Occupants occupants) {
            occupants.users().forEach(user -> occupancy.enteredElsewhere(from, occupants.roomUid(), user));
        } else if (message instanceof PoolMessage.AccessChange change) {
            accessChanges.fire(new AccessChanged(change.action()));
        } else if (message instanceof PoolMessage.CredentialChange change) {
            credentialChanges.fire(new CredentialsChanged(change.user()));
        }
    }

    /** A node's first beat, or its first after a silence or a restart: its people are learnt anew. */
    private void heard(PoolMessage.Beat beat) {
        Optional<NodeId> replaced = members.heard(beat);
        if (replaced.isEmpty()) {
            return;
        }
        replaced.filter(earlier -> !earlier.equals(beat.from())).ifPresent(this::forget);
        send(new PoolMessage.Hello(self));
    }

    private void tellOccupants(NodeId node) {
        occupancy.here().forEach((room, users) -> {
            for (int from = 0; from < users.size(); from += OCCUPANTS_PER_MESSAGE) {
                send(new PoolMessage.Occupants(node, room,
                        users.subList(from, Math.min(users.size(), from + OCCUPANTS_PER_MESSAGE))));
            }
        });
    }

    /** A node that stopped, restarted or fell silent: its people are gone from its rooms. */
    private void forget(NodeId node) {
        LOG.info(() -> "pool node " + node.name() + " (start " + node.start() + ") is gone; its people left its rooms");
        occupancy.forgetNode(node.toString()).forEach((room, users) -> users.forEach(
                user -> rosters.forEach(roster -> roster.left(room, user))));
    }

    /** Passes this node's committed changes of rights to the others. */
    public void shareAccessChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Default AccessChanged change) {
        NodeId node = self;
        if (node != null) {
            send(new PoolMessage.AccessChange(node, change.action()));
        }
    }

    /** Passes this node's committed credential changes to the others. */
    public void shareCredentialChange(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) @Default CredentialsChanged change) {
        NodeId node = self;
        if (node != null) {
            send(new PoolMessage.CredentialChange(node, change.user()));
        }
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void everySecond() {
        NodeId node = self;
        if (node == null) {
            return;
        }
        posts.deliverOverdue();
        members.silent().forEach(this::forget);
        send(new PoolMessage.Beat(node, clock.instant(), connections.count(), occupancy.usersInRooms()));
    }

    private void send(PoolMessage message) {
        try {
            bus.publish(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pool node " + message.from().name() + " could not send "
                    + message.getClass().getSimpleName(), e);
        }
    }

    /** This node and every other it has heard from; empty when this server is not in a pool. */
    public List<NodeView> nodes() {
        NodeId node = self;
        if (node == null) {
            return List.of();
        }
        List<NodeView> nodes = new ArrayList<>();
        nodes.add(new NodeView(node.name(), node.start(), clock.instant(), true, connections.count(),
                occupancy.usersInRooms()));
        members.nodes().stream().filter(other -> !other.name().equals(node.name())).forEach(nodes::add);
        return nodes;
    }
}
