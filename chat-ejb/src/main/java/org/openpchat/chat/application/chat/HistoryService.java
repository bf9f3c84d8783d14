package org.openpchat.chat.application.chat;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.compliance.ComplianceCapture;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.access.Operation;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Reading a room's history (Lync's backchat). Pages are capped at {@link #MAX_PAGE} messages,
 * the upper bound of DefaultChatHistory; lists come oldest first. Every read is reported for
 * compliance as BACKCHAT.
 */
@Stateless
public class HistoryService {

    public static final int MAX_PAGE = 500;

    @Inject
    private RoomLookup lookup;
    @Inject
    private MessageRepository messages;
    @EJB
    private PolicyService policies;
    @Inject
    private ComplianceCapture compliance;

    public HistoryService() {
    }

    /** Outside the container (tests): over this history. */
    public HistoryService(RoomLookup lookup, MessageRepository messages, PolicyService policies,
            ComplianceCapture compliance) {
        this.lookup = lookup;
        this.messages = messages;
        this.policies = policies;
        this.compliance = compliance;
    }

    /** The newest messages; a {@code count} of 0 means the configured DefaultChatHistory (everywhere). */
    public List<ChatMessage> newest(Actor actor, String reference, int count) {
        return newest(actor, readable(actor, reference), count);
    }

    /**
     * A Lync client's history request (cmd:bccontext): the newest messages, oldest first, at most
     * DefaultChatHistory however many it asks for (0 asks for DefaultChatHistory).
     */
    public List<ChatMessage> backchat(Actor actor, String reference, int requested) {
        Room room = readable(actor, reference);
        int size = policies.effectiveConfiguration().backchatSize(requested);
        return reported(actor, room, "newest " + size, messages.newest(room, size));
    }

    public List<ChatMessage> before(Actor actor, String reference, long messageId, int count) {
        return before(actor, readable(actor, reference), messageId, count);
    }

    public List<ChatMessage> after(Actor actor, String reference, long messageId, int count) {
        return after(actor, readable(actor, reference), messageId, count);
    }

    /**
     * A page of history as the REST API reads it: the newest {@code count} (0: DefaultChatHistory),
     * or the page just below {@code before} or just above {@code after}; oldest first.
     */
    public List<RoomMessage> page(Actor actor, String reference, Long before, Long after, int count) {
        if (before != null && after != null) {
            throw DomainException.invalid("ask for the page before or after a message, not both");
        }
        Room room = readable(actor, reference);
        List<ChatMessage> page = before != null ? before(actor, room, before, count)
                : after != null ? after(actor, room, after, count)
                : newest(actor, room, count);
        return page.stream().map(message -> RoomMessage.of(room.name(), message)).toList();
    }

    private List<ChatMessage> newest(Actor actor, Room room, int count) {
        int size = pageSize(count);
        return reported(actor, room, "newest " + size, messages.newest(room, size));
    }

    private List<ChatMessage> before(Actor actor, Room room, long messageId, int count) {
        int size = pageSize(count);
        return reported(actor, room, "before " + messageId + ", " + size, messages.before(room, messageId, size));
    }

    private List<ChatMessage> after(Actor actor, Room room, long messageId, int count) {
        int size = pageSize(count);
        return reported(actor, room, "after " + messageId + ", " + size, messages.after(room, messageId, size));
    }

    private List<ChatMessage> reported(Actor actor, Room room, String request, List<ChatMessage> page) {
        compliance.readHistory(actor, room, request, page);
        return page;
    }

    private Room readable(Actor actor, String reference) {
        Room room = lookup.find(actor, reference);
        RoomAccess.require(actor, Operation.READ_HISTORY, room);
        return room;
    }

    /** 0 asks for the configured DefaultChatHistory; more than {@link #MAX_PAGE} gets that many. */
    private int pageSize(int count) {
        if (count < 0) {
            throw DomainException.invalid("a history page needs a positive size");
        }
        return count == 0 ? policies.effectiveConfiguration().defaultChatHistory() : Math.min(count, MAX_PAGE);
    }
}
