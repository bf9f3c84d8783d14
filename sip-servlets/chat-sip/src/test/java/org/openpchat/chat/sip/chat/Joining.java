package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.openpchat.chat.sip.xccos.XccosParser;

/** Joins a dialog to a room of the fake chat the way a client does: a {@code cmd:join} through the dispatcher. */
final class Joining {

    private final FakeChat chat;
    private final ChatSessions sessions;
    private final CommandDispatcher dispatcher = new CommandDispatcher();
    private final XccosParser parser = new XccosParser();

    Joining(FakeChat chat, ChatSessions sessions) {
        this.chat = chat;
        this.sessions = sessions;
    }

    /** Joins {@code ma-chan://example.com/<roomId>}; the fake's occupants and the dialog's rooms then hold it. */
    void join(ChatSessions.ChatSession session, String roomId) {
        CommandContext context = new CommandContext(session, "1", chat, sessions);
        dispatcher.dispatch(context, parser.parse("<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\"" + roomId
                + "\"/></data></cmd></xccos>"));
        assertThat(session.isIn("ma-chan://example.com/" + roomId)).as(session.user() + " joined " + roomId).isTrue();
    }
}
