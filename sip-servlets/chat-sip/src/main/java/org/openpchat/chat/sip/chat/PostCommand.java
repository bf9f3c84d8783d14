package org.openpchat.chat.sip.chat;

import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * grpchat: store the post; once it is committed {@link RoomFanout} sends it to every dialog in
 * the room, the author's included. The author is the authenticated user, whatever the element
 * says.
 */
final class PostCommand implements CommandHandler {

    @Override
    public void handle(CommandContext context, XccosElement post) {
        String roomUri = Channels.fromUriAttribute(post.node(), "chanUri");
        XmlNode chat = post.node().child("chat");
        String text = chat == null ? "" : chat.text();
        context.requireJoined(roomUri);
        if (text.length() > ChatFacade.MESSAGE_SIZE_LIMIT) {
            throw new XccosException(XccosStatus.MESSAGE_TOO_LARGE, "the message has " + text.length()
                    + " characters; the limit is " + ChatFacade.MESSAGE_SIZE_LIMIT);
        }
        context.chat().post(context.user(), roomUri, text);
    }
}
