package org.openpchat.chat.sip.chat;

import org.openpchat.sip.servlet.SipServletRequest;

/**
 * How many chat dialogs one user may hold with the chat endpoint at once ({@link UserLimits}):
 * SIPE and the Lync clients keep one per sign-in for all their rooms, so this is about the
 * number of devices signed in. The INVITE that would open one more is answered {@code 403} and
 * changes nothing; a dialog that ends (BYE, a cut connection, the reaper) frees its place.
 */
final class DialogLimit {

    private final int perUser;

    DialogLimit(int perUser) {
        this.perUser = perUser;
    }

    /** Opens the INVITE's dialog for the user, or answers {@code 403} and returns null. */
    ChatSessions.ChatSession open(SipServletRequest invite, ChatSessions sessions, String user, long signInConnection) {
        ChatSessions.ChatSession session = sessions.openAtMost(perUser, invite.getSession().getId(), user,
                signInConnection);
        if (session == null) {
            invite.createResponse(403, "Too many chat sessions for this user (at most " + perUser + ")").send();
        }
        return session;
    }
}
