package org.openpchat.chat.sip.chat;

/** A chat dialog ended (BYE, or silence past its session timer): leave its rooms, tell the others. */
final class SessionEnd {

    private SessionEnd() {
    }

    static void leaveAll(CommandContext context) {
        ChatSessions.ChatSession session = context.session();
        context.sessions().close(session.id());
        int limit = -1;
        for (String roomUri : session.rooms()) {
            if (!context.sessions().sessionsIn(roomUri).stream()
                    .anyMatch(other -> other.user().equalsIgnoreCase(session.user()))) {
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
    }
}
