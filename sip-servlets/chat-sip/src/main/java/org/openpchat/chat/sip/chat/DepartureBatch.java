package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openpchat.chat.sip.facade.ChatUseCases;
import org.openpchat.chat.sip.facade.RoomLeave;

/**
 * The rooms of ended dialogs, left together: a room is left only if no other dialog of the user
 * is in it now (checked under the users' locks, so a join on another dialog cannot slip in
 * between), all in one transaction of the use cases; then the others in each room are told.
 */
final class DepartureBatch {

    /** A dialog, already closed, and one of the rooms it was in. */
    record Departure(ChatSessions.ChatSession session, String roomUri) {
    }

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
            List<RoomLeave> left = chat.leaveAll(List.copyOf(leaving.keySet()));
            int limit = left.isEmpty() ? 0 : chat.serverInfo().participantUpdateLimit();
            List<Outgoing> notices = new ArrayList<>();
            for (RoomLeave leave : left) {
                CommandContext context = new CommandContext(leaving.get(leave).session(), null, chat, sessions);
                RosterNotices.left(context, leave.roomUri(), limit);
                notices.addAll(context.outbox());
            }
            return notices;
        });
    }
}
