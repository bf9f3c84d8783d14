package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatUseCases;

/**
 * Takes chat dialogs out of the rooms their users may no longer be in, after a change of rights
 * (a member removed, a category's deny list, a room disabled or removed, a policy switched off):
 * the user leaves the room as with {@code cmd:part} (the leave records the PART for compliance),
 * gets {@code ntc:part} naming them, as the others in the room do, and no further post. Each
 * (user, room) is decided once. Sending the notices is the caller's part.
 */
final class RoomEviction {

    private static final Logger LOG = Logger.getLogger(RoomEviction.class.getName());

    private final ChatSessions sessions;
    private final ChatUseCases chat;

    RoomEviction(ChatSessions sessions, ChatUseCases chat) {
        this.sessions = sessions;
        this.chat = chat;
    }

    /** Evicts every dialog of this node from the rooms its user may no longer be in; returns the notices. */
    List<Outgoing> evictWhereRefused() {
        List<Outgoing> notices = new ArrayList<>();
        Map<String, Boolean> decided = new HashMap<>();
        int limit = -1;
        for (String roomUri : sessions.occupiedRooms()) {
            for (ChatSessions.ChatSession session : sessions.sessionsIn(roomUri)) {
                String key = session.user().toLowerCase(Locale.ROOT) + " " + roomUri;
                if (decided.computeIfAbsent(key, k -> chat.mayStayIn(session.user(), roomUri))) {
                    continue;
                }
                if (limit < 0) {
                    limit = chat.serverInfo().participantUpdateLimit();
                }
                notices.addAll(evict(session, roomUri, limit));
            }
        }
        return notices;
    }

    private List<Outgoing> evict(ChatSessions.ChatSession session, String roomUri, int participantUpdateLimit) {
        LOG.info(session.user() + " may no longer be in " + roomUri + ": leaving it");
        CommandContext context = new CommandContext(session, null, chat, sessions);
        if (sessions.leave(session, roomUri) && !sessions.inRoomElsewhere(session, roomUri)) {
            try {
                chat.leave(session.user(), roomUri);
            } catch (RuntimeException e) {
                // a removed room: its occupancy went with it; the others are still told
            }
            RosterNotices.left(context, roomUri, participantUpdateLimit);
        }
        context.send(session.id(), RosterNotices.partNotice(context, roomUri));
        return context.outbox();
    }
}
