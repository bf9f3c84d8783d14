package org.openpchat.chat.sip.chat;

import java.util.List;
import org.openpchat.chat.sip.facade.MessageView;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * cmd:bccontext with {@code <bcq><last cnt="N"/></bcq>}: the newest N messages, oldest first,
 * N capped at the server's DefaultChatHistory (also used when N is missing). Other selectors are
 * not known on the wire and get 400.
 */
final class HistoryCommand implements CommandHandler {

    @Override
    public void handle(CommandContext context, XccosElement command) {
        String roomUri = Channels.fromUriAttribute(command.data().requiredChild("chanib"), "uri");
        XmlNode query = command.data().child("bcq");
        int count = 0;
        if (query != null) {
            XmlNode last = query.child("last");
            if (last == null) {
                throw new XccosException(XccosStatus.BAD_REQUEST, "only <bcq><last cnt=\"N\"/></bcq> is supported");
            }
            count = parseCount(last.attribute("cnt"));
        }
        List<MessageView> messages = context.chat().history(context.user(), roomUri, count);
        context.ok(command, xml -> {
            xml.start("chanib").attribute("uri", roomUri);
            for (MessageView message : messages) {
                xml.start("msg").attribute("id", "grpchat").attribute("chanUri", roomUri)
                        .attribute("author", "sip:" + message.author())
                        .attribute("ts", Timestamps.format(message.postedAt()))
                        .attribute("msgid", Long.toString(message.messageId()))
                        .start("chat").text(message.text()).end().end();
            }
            xml.end();
        });
    }

    private static int parseCount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int count = Integer.parseInt(text.strip());
            if (count < 0) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "cnt must be a number of messages, not " + text);
        }
    }
}
