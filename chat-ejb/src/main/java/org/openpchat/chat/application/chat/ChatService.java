package org.openpchat.chat.application.chat;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.openpchat.chat.application.compliance.ComplianceCapture;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
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

    private final Clock clock;

    public ChatService() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): over this history, with this clock. */
    public ChatService(RoomLookup lookup, MessageRepository messages, RoomOccupancy occupancy,
            ComplianceCapture compliance, PostListeners listeners, Clock clock) {
        this.lookup = lookup;
        this.messages = messages;
        this.occupancy = occupancy;
        this.compliance = compliance;
        this.listeners = listeners;
        this.clock = clock;
    }

    public JoinResult join(Actor actor, String reference) {
        Room room = lookup.find(actor, reference);
        RoomAccess.require(actor, Operation.JOIN, room);
        occupancy.enter(room.uid(), actor.user());
        compliance.joined(actor, room);
        return new JoinResult(room, lookup.uriOf(room).toString(), RoomAccess.permits(actor, Operation.POST, room),
                RoomAccess.permits(actor, Operation.MANAGE, room), occupancy.occupants(room.uid()));
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
