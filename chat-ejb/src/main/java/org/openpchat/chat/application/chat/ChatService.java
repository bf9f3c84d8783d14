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
 * a post does so even in a category that keeps no chat history. A committed post is handed to
 * the front ends for delivery, whichever front end (SIP, REST) it came from.
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
    private PostListeners listeners;
    @EJB
    private DirectoryService directory;

    private final Clock clock;

    public ChatService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over this history, with this clock. */
    public ChatService(RoomLookup lookup, MessageRepository messages, RoomOccupancy occupancy,
            ComplianceCapture compliance, PostListeners listeners, DirectoryService directory, Clock clock) {
        this.lookup = lookup;
        this.messages = messages;
        this.occupancy = occupancy;
        this.compliance = compliance;
        this.listeners = listeners;
        this.directory = directory;
        this.clock = clock;
    }

    public JoinResult join(Actor actor, String reference) {
        Room room = lookup.find(actor, reference);
        RoomAccess.require(actor, Operation.JOIN, room);
        occupancy.enter(room.uid(), actor.user(), room.hasManager(actor.affiliations()));
        if (listeners.isPooled()) {
            listeners.joined(room.uid(), messages.lastMessageId(room));
        }
        compliance.joined(actor, room);
        List<PrincipalId> occupants = occupancy.occupants(room.uid());
        return new JoinResult(room, lookup.uriOf(room).toString(), RoomAccess.permits(actor, Operation.POST, room),
                RoomAccess.permits(actor, Operation.MANAGE, room), occupants, managersAmong(occupants, room));
    }

    /**
     * Who of the room's occupants manage it, from their kept directory entries: a room of
     * thousands is joined by each of them, so this must not read the directory per occupant.
     */
    private Set<PrincipalId> managersAmong(List<PrincipalId> occupants, Room room) {
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
     * Stores a post under the room's next message id and returns it. In a category without
     * chat history the post gets its id (for delivery) but is not kept. Times are kept to the
     * microsecond, which every supported database stores, so what a reader gets back equals
     * what the poster was told.
     */
    public RoomMessage post(Actor actor, String reference, String text) {
        Room room = lookup.find(actor, reference);
        RoomAccess.require(actor, Operation.POST, room);
        ChatMessage.requireValidContent(text);
        ChatMessage message = new ChatMessage(room.id(), messages.nextMessageId(room), actor.user(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), text);
        if (room.keepsChatHistory()) {
            messages.add(message);
        }
        compliance.posted(actor, room, message);
        listeners.afterCommit(new PostedMessage(room.uid(), lookup.uriOf(room).toString(), message.messageId(),
                message.author(), message.postedAt(), message.content()));
        return RoomMessage.of(room.name(), message);
    }
}
