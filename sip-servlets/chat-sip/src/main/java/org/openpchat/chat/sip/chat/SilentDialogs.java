package org.openpchat.chat.sip.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.openpchat.chat.sip.facade.ChatUseCases;

/**
 * Ends the chat dialogs not heard from for longer than {@link #SILENCE}, two session-timer periods
 * (a client that crashed or lost its network sends no BYE): each leaves its rooms through the use
 * cases as a BYE would (the leave is what records the PART for compliance) and the others in those
 * rooms are told. Sending the notices and dropping the SIP sessions is the caller's part.
 */
final class SilentDialogs {

    static final Duration SILENCE = Duration.ofSeconds(2L * ChatServlet.SESSION_EXPIRES);
    private static final Logger LOG = Logger.getLogger(SilentDialogs.class.getName());

    /** The dialogs ended and the notices for the dialogs that remain. */
    record Ended(List<String> sessionIds, List<Outgoing> notices) {
    }

    private final ChatSessions sessions;
    private final ChatUseCases chat;
    private final Clock clock;

    SilentDialogs(ChatSessions sessions, ChatUseCases chat, Clock clock) {
        this.sessions = sessions;
        this.chat = chat;
        this.clock = clock;
    }

    Ended end() {
        Instant cutoff = clock.instant().minus(SILENCE);
        List<String> ended = new ArrayList<>();
        List<Outgoing> notices = new ArrayList<>();
        for (ChatSessions.ChatSession session : sessions.idleSince(cutoff)) {
            LOG.info("chat dialog of " + session.user() + " silent since " + session.lastSeen() + ": ending it");
            CommandContext context = new CommandContext(session, null, chat, sessions);
            SessionEnd.leaveAll(context);
            notices.addAll(context.outbox());
            ended.add(session.id());
        }
        return new Ended(List.copyOf(ended),
                notices.stream().filter(notice -> !ended.contains(notice.sessionId())).toList());
    }
}
