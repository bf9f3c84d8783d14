package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatUseCases;

/**
 * Chat dialogs the server ends on its own (silent too long, signed out, a changed credential):
 * closed, and their rooms left together as after a BYE ({@link DepartureBatch}). Sending the
 * notices and ending the SIP sessions is the caller's part.
 */
record EndedDialogs(List<String> sessionIds, List<Outgoing> notices) {

    private static final Logger LOG = Logger.getLogger(EndedDialogs.class.getName());

    static EndedDialogs end(List<ChatSessions.ChatSession> dialogs, ChatSessions sessions, ChatUseCases chat,
            String why) {
        List<String> ended = new ArrayList<>();
        List<DepartureBatch.Departure> departures = new ArrayList<>();
        for (ChatSessions.ChatSession session : dialogs) {
            LOG.info("chat dialog of " + session.user() + " " + why + ": ending it");
            sessions.close(session.id());
            ended.add(session.id());
            session.rooms().forEach(roomUri -> departures.add(new DepartureBatch.Departure(session, roomUri)));
        }
        List<Outgoing> notices = DepartureBatch.leave(departures, sessions, chat);
        return new EndedDialogs(List.copyOf(ended),
                notices.stream().filter(notice -> !ended.contains(notice.sessionId())).toList());
    }
}
