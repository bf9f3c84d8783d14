package org.openpchat.chat.sip.chat;

import java.util.List;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * How many items one command may name, so that one command cannot make the server do the work
 * of thousands: the rooms of a {@code cmd:bjoin} (SIPE rejoins every room of the last session
 * with one) and the labels of a {@code cmd:getpref} or {@code cmd:setpref} (as many as a user may
 * keep). Beyond it the command is refused whole with {@code 413}, before any of it is done.
 */
final class CommandBounds {

    static final int ROOMS_PER_BATCH_JOIN = 250;
    static final int PREFERENCES_PER_COMMAND = 64;

    private CommandBounds() {
    }

    static List<XmlNode> atMost(List<XmlNode> items, int limit, String what) {
        if (items.size() > limit) {
            throw new XccosException(XccosStatus.MESSAGE_TOO_LARGE,
                    "at most " + limit + " " + what + " in one command, not " + items.size());
        }
        return items;
    }
}
