package org.openpchat.chat.application.chat;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.application.compliance.ComplianceCapture;
import org.openpchat.chat.application.room.RoomLookup;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.message.MessageRepository;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Administrators moderating history (Remove-CsPersistentChatMessage, Clear-CsPersistentChatRoom):
 * what clients read afterwards no longer has the post, or has the replacement. Each change is
 * captured for compliance (REMOVE, REPLACE, CLEAR, keeping what the post said) and audited.
 */
@Stateless
public class ModerationService {

    private static final String WHAT = "moderate chat history";

    @Inject
    private RoomLookup lookup;
    @Inject
    private MessageRepository messages;
    @Inject
    private ComplianceCapture compliance;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;

    public ModerationService() {
    }

    /** Outside the container (tests): over this history. */
    public ModerationService(RoomLookup lookup, MessageRepository messages, ComplianceCapture compliance,
            EntityLocks locks, Audit audit) {
        this.lookup = lookup;
        this.messages = messages;
        this.compliance = compliance;
        this.locks = locks;
        this.audit = audit;
    }

    public RoomMessage find(Actor actor, String reference, long messageId) {
        actor.requireAdministrator(WHAT);
        Room room = lookup.find(reference);
        return RoomMessage.of(room.name(), message(room, messageId));
    }

    public void remove(Actor actor, String reference, long messageId) {
        actor.requireAdministrator(WHAT);
        Room room = lookup.find(reference);
        ChatMessage message = locks.lockForUpdate(message(room, messageId));
        RoomMessage before = RoomMessage.of(room.name(), message);
        messages.remove(message);
        compliance.removed(actor, room, message);
        audit.removed(actor, "Remove-CsPersistentChatMessage", target(room, messageId), before);
    }

    /** A null or blank replacement is Lync's "replaced by the administrator" text. */
    public RoomMessage replace(Actor actor, String reference, long messageId, String replacement) {
        actor.requireAdministrator(WHAT);
        Room room = lookup.find(reference);
        ChatMessage message = locks.lockForUpdate(message(room, messageId));
        RoomMessage before = RoomMessage.of(room.name(), message);
        message.replaceContent(replacement == null || replacement.isBlank()
                ? ChatMessage.REPLACED_BY_ADMINISTRATOR : replacement);
        RoomMessage after = RoomMessage.of(room.name(), message);
        compliance.replaced(actor, room, message, before.content());
        audit.changed(actor, "Remove-CsPersistentChatMessage", target(room, messageId), before, after);
        return after;
    }

    /** Clear-CsPersistentChatRoom: removes every post made before the instant; returns how many. */
    public int clear(Actor actor, String reference, Instant before) {
        actor.requireAdministrator(WHAT);
        if (before == null) {
            throw DomainException.invalid("clearing a room needs the instant up to which to clear");
        }
        Room room = locks.lockForUpdate(lookup.find(reference));
        int removed = messages.removeBefore(room, before);
        compliance.cleared(actor, room, before, removed);
        audit.changed(actor, "Clear-CsPersistentChatRoom", "room:" + room.name(), new Cleared(before, 0),
                new Cleared(before, removed));
        return removed;
    }

    private ChatMessage message(Room room, long messageId) {
        return messages.find(room, messageId).orElseThrow(() -> DomainException.notFound(
                "room '" + room.name() + "' has no message " + messageId));
    }

    private static String target(Room room, long messageId) {
        return "room:" + room.name() + "/message:" + messageId;
    }

    /** What the audit log shows of a clear. */
    public record Cleared(Instant before, int removed) implements java.io.Serializable {
    }
}
