package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openpchat.chat.sip.facade.ChatUseCases;
import org.openpchat.chat.sip.facade.RoomLeave;

/**
 * The rooms of ended dialogs, left together: a room is left only if no other dialog of the user
 * is in it now (checked under the users' locks, so a join on another dialog cannot slip in
 * between), all in one transaction of the use cases (the leave is what records the PART for
 * compliance); then the others in each room are told. They are told even if the use cases could
 * not leave (a room deleted meanwhile, the database down): the user is gone from the room here.
 */
final class DepartureBatch {

    /** A dialog, already closed, and one of the rooms it was in. */
    record Departure(ChatSessions.ChatSession session, String roomUri) {
    }

    private static final Logger LOG = Logger.getLogger(DepartureBatch.class.getName());

    private DepartureBatch() {
    }

    /** Leaves what is still to be left; returns the part notices to send. */
    static List<Outgoing> leave(List<Departure> departures, ChatSessions sessions, ChatUseCases chat) {
        if (departures.isEmpty()) {
            return List.of();
        }
        Set<String> users = departures.stream().map(departure -> departure.session().user()).collect(Collectors.toSet());
        return sessions.userLocks().exclusively(users, () -> {
            Map<RoomLeave, Departure> leaving = new LinkedHashMap<>();
            for (Departure departure : departures) {
                if (!sessions.inRoomElsewhere(departure.session(), departure.roomUri())) {
                    leaving.putIfAbsent(new RoomLeave(departure.session().user(), departure.roomUri()), departure);
                }
            }
            if (leaving.isEmpty()) {
                return List.of();
            }
            try {
                chat.leaveAll(List.copyOf(leaving.keySet()));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "leaving " + leaving.size() + " rooms of ended chat dialogs failed", e);
            }
            int limit = chat.serverInfo().participantUpdateLimit();
            List<Outgoing> notices = new ArrayList<>();
            for (RoomLeave leave : leaving.keySet()) {
                CommandContext context = new CommandContext(leaving.get(leave).session(), null, chat, sessions);
                RosterNotices.left(context, leave.roomUri(), limit);
                notices.addAll(context.outbox());
            }
            return notices;
        });
    }
}
