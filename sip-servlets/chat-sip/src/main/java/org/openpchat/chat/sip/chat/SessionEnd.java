package org.openpchat.chat.sip.chat;

/**
 * A chat dialog the server ends on its own (silence past its session timer, a sign-in that
 * ended): leave its rooms, tell the others. A BYE goes through {@link Departures} instead.
 */
final class SessionEnd {

    private SessionEnd() {
    }

    static void leaveAll(CommandContext context) {
        ChatSessions.ChatSession session = context.session();
        context.sessions().close(session.id());
        context.sessions().userLocks().exclusively(session.user(), () -> {
            int limit = -1;
            for (String roomUri : session.rooms()) {
                if (!context.sessions().inRoomElsewhere(session, roomUri)) {
                    try {
                        context.chat().leave(context.user(), roomUri);
                    } catch (RuntimeException e) {
                        // the room may be gone; the others are still told
                    }
                    if (limit < 0) {
                        limit = context.chat().serverInfo().participantUpdateLimit();
                    }
                    RosterNotices.left(context, roomUri, limit);
                }
            }
            return null;
        });
    }
}
