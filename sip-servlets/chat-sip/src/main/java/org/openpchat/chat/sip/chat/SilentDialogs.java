package org.openpchat.chat.sip.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openpchat.chat.sip.facade.ChatUseCases;

/**
 * Ends the chat dialogs not heard from for longer than {@link #SILENCE}, two session-timer periods
 * (a client that crashed or lost its network sends no BYE), as {@link EndedDialogs} says.
 */
final class SilentDialogs {

    static final Duration SILENCE = Duration.ofSeconds(2L * ChatServlet.SESSION_EXPIRES);

    private final ChatSessions sessions;
    private final ChatUseCases chat;
    private final Clock clock;

    SilentDialogs(ChatSessions sessions, ChatUseCases chat, Clock clock) {
        this.sessions = sessions;
        this.chat = chat;
        this.clock = clock;
    }

    EndedDialogs end() {
        Instant cutoff = clock.instant().minus(SILENCE);
        List<ChatSessions.ChatSession> silent = sessions.idleSince(cutoff);
        return EndedDialogs.end(silent, sessions, chat, "silent since before " + cutoff);
    }
}
