package org.openpchat.chat.application.compliance;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.directory.DirectoryCache;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.room.Room;

/**
 * What the chat use cases report for compliance; each call adds one event to the outbox in the
 * caller's transaction (so it exists if and only if the action commits) and has the relay send it
 * to the compliance queue once that transaction has committed.
 */
@Dependent
public class ComplianceCapture {

    @Inject
    private ComplianceOutbox outbox;
    @EJB
    private ComplianceRelay relay;
    @Inject
    private PrincipalRepository principals;
    @Inject
    private ChatServerSettings settings;
    @Inject
    private DirectoryCache cache;

    private final Clock clock;

    public ComplianceCapture() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): into this outbox, with this clock. */
    public ComplianceCapture(ComplianceOutbox outbox, ComplianceRelay relay, PrincipalRepository principals,
            ChatServerSettings settings, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.principals = principals;
        this.settings = settings;
        this.clock = clock;
        this.cache = DirectoryCache.none();
    }

    public void joined(Actor actor, Room room) {
        publish(ComplianceEventType.JOIN, actor, room, clock.instant(), 0, null);
    }

    public void left(Actor actor, Room room) {
        publish(ComplianceEventType.PART, actor, room, clock.instant(), 0, null);
    }

    public void posted(Actor actor, Room room, ChatMessage message) {
        publish(ComplianceEventType.CHAT, actor, room, message.postedAt(), message.messageId(), message.content());
    }

    /** An administrator removed a post; the content keeps what it said. */
    public void removed(Actor actor, Room room, ChatMessage message) {
        publish(ComplianceEventType.REMOVE, actor, room, clock.instant(), message.messageId(),
                cut("removed: " + message.content()));
    }

    /** An administrator replaced a post's text. */
    public void replaced(Actor actor, Room room, ChatMessage message, String oldContent) {
        publish(ComplianceEventType.REPLACE, actor, room, clock.instant(), message.messageId(),
                cut("replaced: " + oldContent + "\nwith: " + message.content()));
    }

    /** An administrator cleared a room's history up to a date. */
    public void cleared(Actor actor, Room room, Instant before, int removed) {
        publish(ComplianceEventType.CLEAR, actor, room, clock.instant(), 0,
                "cleared " + removed + " messages posted before " + before);
    }

    private static String cut(String content) {
        return content.length() <= ComplianceEvent.MAX_CONTENT ? content
                : content.substring(0, ComplianceEvent.MAX_CONTENT);
    }

    /** A history read; the content says which messages were returned. */
    public void readHistory(Actor actor, Room room, String request, List<ChatMessage> returned) {
        String range = returned.isEmpty() ? "none"
                : returned.get(0).messageId() + "-" + returned.get(returned.size() - 1).messageId();
        publish(ComplianceEventType.BACKCHAT, actor, room, clock.instant(), 0,
                request + "; " + returned.size() + " messages (" + range + ")");
    }

    private void publish(ComplianceEventType type, Actor actor, Room room, Instant at, long messageId,
            String content) {
        outbox.add(ComplianceEvent.of(type, at, roomOf(room), userOf(actor), messageId, content));
        relay.wakeAfterCommit();
    }

    private ComplianceRoom roomOf(Room room) {
        return new ComplianceRoom(room.uid(), room.uri(settings.sipDomain()).toString(), room.name(),
                room.category().name(), room.description());
    }

    private ComplianceUser userOf(Actor actor) {
        if (actor.user() == null) {
            return new ComplianceUser(actor.describe(), "Persistent Chat administrator", 0, true);
        }
        return cache.kept(ComplianceUser.class, actor.user().name(), () -> lookUp(actor));
    }

    private ComplianceUser lookUp(Actor actor) {
        Principal principal = principals.find(actor.user()).orElse(null);
        String uri = "sip:" + actor.user().name();
        boolean internal = settings.sipDomain().equalsIgnoreCase(actor.user().sipDomain());
        return principal == null ? new ComplianceUser(uri, null, 0, internal)
                : new ComplianceUser(uri, principal.displayName(), principal.id() == null ? 0 : principal.id(),
                        internal);
    }
}
