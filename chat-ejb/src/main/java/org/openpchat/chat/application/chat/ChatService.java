package org.openpchat.chat.application.chat;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.openpchat.chat.application.compliance.ComplianceCapture;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Taking part in rooms: join, leave, post. Each reports a compliance event in its transaction;
 * a post does so even in a category that keeps no chat history. Posts come through
 * {@link PostService}, which stores those that arrive together in one transaction.
 */
@Stateless
public class ChatService {

    @Inject
    private RoomLookup lookup;
    @Inject
    private MessageRepository messages;
    @EJB
    private RoomOccupancy occupancy;
    @Inject
    private ComplianceCapture compliance;
    @EJB
    private DirectoryService directory;

    private final Clock clock;

    public ChatService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over this history, with this clock. */
    public ChatService(RoomLookup lookup, MessageRepository messages, RoomOccupancy occupancy,
            ComplianceCapture compliance, DirectoryService directory, Clock clock) {
        this.lookup = lookup;
        this.messages = messages;
        this.occupancy = occupancy;
        this.compliance = compliance;
        this.directory = directory;
        this.clock = clock;
    }

    public JoinResult join(Actor actor, String reference) {
        Room room = lookup.find(actor, reference);
        RoomAccess.require(actor, Operation.JOIN, room);
        occupancy.enter(room.uid(), actor.user());
        compliance.joined(actor, room);
        Set<PrincipalId> occupants = occupancy.occupants(room.uid());
        return new JoinResult(room, lookup.uriOf(room).toString(), RoomAccess.permits(actor, Operation.POST, room),
                RoomAccess.permits(actor, Operation.MANAGE, room), occupants, managersAmong(occupants, room));
    }

    /**
     * Who of the room's occupants manage it, from their kept directory entries: a room of
     * thousands is joined by each of them, so this must not read the directory per occupant.
     */
    private Set<PrincipalId> managersAmong(Set<PrincipalId> occupants, Room room) {
        if (room.managers().isEmpty()) {
            return Set.of();
        }
        Map<PrincipalId, Affiliations> affiliations = directory.keptAffiliationsOf(occupants);
        return occupants.stream().filter(id -> affiliations.containsKey(id) && room.hasManager(affiliations.get(id)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the actor may be in the room now: it exists for them, it is enabled and they may
     * join it. Asked of everyone in a room after a change of rights.
     */
    public boolean admits(Actor actor, String reference) {
        try {
            return RoomAccess.permits(actor, Operation.JOIN, lookup.find(actor, reference));
        } catch (DomainException e) {
            return false;
        }
    }

    /**
     * Returns false if the user was not in the room. Unchecked: leaving must work even after the
     * user lost the right to know the room (removed from a Secret room while in it).
     */
    public boolean leave(Actor actor, String reference) {
        Room room = lookup.find(reference);
        boolean wasIn = occupancy.leave(room.uid(), actor.user());
        if (wasIn) {
            compliance.left(actor, room);
        }
        return wasIn;
    }

    /**
     * Leaves many rooms in one transaction, as dialogs ended together (a mass logout) need:
     * returns the departures of users who were in their room. A room that is gone is skipped
     * rather than failing the others. Unchecked, as {@link #leave}.
     */
    public List<Departure> leaveAll(List<Departure> departures) {
        List<Departure> left = new ArrayList<>();
        for (Departure departure : departures) {
            Room room;
            try {
                room = lookup.find(departure.room());
            } catch (DomainException e) {
                continue;
            }
            if (occupancy.leave(room.uid(), departure.actor().user())) {
                compliance.left(departure.actor(), room);
                left.add(departure);
            }
        }
        return left;
    }

    /**
     * Stores posts in one transaction, each under its room's next message id, and returns what
     * became of each, in order; a post refused (no such room, no right to post, bad content) does
     * not stop the others. Rooms' counters are locked in the order of the rooms' ids, so batches
     * that share rooms wait for each other instead of deadlocking. In a category without chat
     * history a post gets its id (for delivery) but is not kept. Times are kept to the
     * microsecond, which every supported database stores, so what a reader gets back equals what
     * the poster was told. Delivery is the caller's, once this has committed ({@link PostService}).
     */
    public List<PostResult> postAll(List<PostRequest> requests) {
        PostResult[] results = new PostResult[requests.size()];
        Map<Long, RoomPosts> byRoom = new TreeMap<>();
        for (int i = 0; i < requests.size(); i++) {
            PostRequest request = requests.get(i);
            try {
                Room room = lookup.find(request.actor(), request.room());
                RoomAccess.require(request.actor(), Operation.POST, room);
                ChatMessage.requireValidContent(request.text());
                byRoom.computeIfAbsent(room.id(), id -> new RoomPosts(room)).indexes.add(i);
            } catch (DomainException e) {
                results[i] = PostResult.refused(e);
            }
        }
        for (RoomPosts posts : byRoom.values()) {
            Room room = posts.room;
            String uri = lookup.uriOf(room).toString();
            long id = messages.nextMessageIds(room, posts.indexes.size());
            for (int i : posts.indexes) {
                PostRequest request = requests.get(i);
                ChatMessage message = new ChatMessage(room.id(), id++, request.actor().user(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS), request.text());
                if (room.keepsChatHistory()) {
                    messages.add(message);
                }
                compliance.posted(request.actor(), room, message);
                results[i] = PostResult.stored(RoomMessage.of(room.name(), message), new PostedMessage(room.uid(),
                        uri, message.messageId(), message.author(), message.postedAt(), message.content()));
            }
        }
        return List.of(results);
    }

    private static final class RoomPosts {
        private final Room room;
        private final List<Integer> indexes = new ArrayList<>();

        private RoomPosts(Room room) {
            this.room = room;
        }
    }
}
