package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatUseCases;

/**
 * Chat dialogs the server ends on its own (silent too long, signed out, a changed credential):
 * each leaves its rooms through the use cases as a BYE would (the leave is what records the PART
 * for compliance) and the others in those rooms are told. Sending the notices and ending the SIP
 * sessions is the caller's part.
 */
record EndedDialogs(List<String> sessionIds, List<Outgoing> notices) {

    private static final Logger LOG = Logger.getLogger(EndedDialogs.class.getName());

    static EndedDialogs end(List<ChatSessions.ChatSession> dialogs, ChatSessions sessions, ChatUseCases chat,
            String why) {
        List<String> ended = new ArrayList<>();
        List<Outgoing> notices = new ArrayList<>();
        for (ChatSessions.ChatSession session : dialogs) {
            LOG.info("chat dialog of " + session.user() + " " + why + ": ending it");
            CommandContext context = new CommandContext(session, null, chat, sessions);
            SessionEnd.leaveAll(context);
            notices.addAll(context.outbox());
            ended.add(session.id());
        }
        return new EndedDialogs(List.copyOf(ended),
                notices.stream().filter(notice -> !ended.contains(notice.sessionId())).toList());
    }
}
