package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openpchat.chat.domain.access.RoomAccess;
import org.openpchat.chat.sip.facade.ChatUseCases;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XccosWriter;

/**
 * What a command handler works with: the dialog and its user, the use cases, the registry of
 * chat dialogs, and the outbox of XCCOS documents to send once the INFO is answered.
 */
public final class CommandContext {

    private final ChatSessions.ChatSession session;
    private final String envid;
    private final ChatUseCases chat;
    private final ChatSessions sessions;
    private final XccosWriter writer = new XccosWriter();
    private final List<Outgoing> outbox = new ArrayList<>();

    public CommandContext(ChatSessions.ChatSession session, String envid, ChatUseCases chat, ChatSessions sessions) {
        this.session = session;
        this.envid = envid;
        this.chat = chat;
        this.sessions = sessions;
    }

    public ChatSessions.ChatSession session() {
        return session;
    }

    public String user() {
        return session.user();
    }

    public ChatUseCases chat() {
        return chat;
    }

    public ChatSessions sessions() {
        return sessions;
    }

    public XccosWriter writer() {
        return writer;
    }

    public List<Outgoing> outbox() {
        return outbox;
    }

    /**
     * Posting and reading history need the room joined on this dialog: 404 for no room (or one
     * the user may not know of, in the words chat-ejb uses for a missing room), else 409.
     */
    public void requireJoined(String roomUri) {
        if (!session.isIn(roomUri)) {
            if (!chat.roomKnownTo(user(), roomUri)) {
                throw new XccosException(XccosStatus.NOT_FOUND, RoomAccess.NO_SUCH_ROOM + ": " + roomUri);
            }
            throw new XccosException(XccosStatus.NOT_JOINED, "join the room first: " + roomUri);
        }
    }

    public void reply(XccosElement command, XccosStatus status, String reason, Consumer<XccosWriter.Xml> data) {
        send(session.id(), writer.reply(command.commandName(), command.seqid(), envid, status, reason, data));
    }

    public void ok(XccosElement command, Consumer<XccosWriter.Xml> data) {
        reply(command, XccosStatus.OK, null, data);
    }

    public void send(String sessionId, String xccos) {
        outbox.add(new Outgoing(sessionId, xccos));
    }
}
