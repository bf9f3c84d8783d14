package org.openpchat.chat.sip.chat;

import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.chat.sip.facade.MessageView;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * grpchat: store the post, then send it to every dialog in the room, the author's included
 * (clients show their own line only when the server echoes it). The author is the
 * authenticated user, whatever the element says.
 */
final class PostCommand implements CommandHandler {

    @Override
    public void handle(CommandContext context, XccosElement post) {
        String roomUri = Channels.fromUriAttribute(post.node(), "chanUri");
        XmlNode chat = post.node().child("chat");
        String text = chat == null ? "" : chat.text();
        if (!context.session().isIn(roomUri)) {
            throw new XccosException(XccosStatus.NOT_JOINED, "join the room before posting to it: " + roomUri);
        }
        if (text.length() > ChatFacade.MESSAGE_SIZE_LIMIT) {
            throw new XccosException(XccosStatus.MESSAGE_TOO_LARGE, "the message has " + text.length()
                    + " characters; the limit is " + ChatFacade.MESSAGE_SIZE_LIMIT);
        }
        MessageView message = context.chat().post(context.user(), roomUri, text);
        String delivery = context.writer().post(roomUri, "sip:" + message.author(),
                Timestamps.format(message.postedAt()), message.messageId(), message.text());
        for (ChatSessions.ChatSession member : context.sessions().sessionsIn(roomUri)) {
            context.send(member.id(), delivery);
        }
    }
}
