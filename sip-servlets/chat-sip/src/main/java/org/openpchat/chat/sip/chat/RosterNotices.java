package org.openpchat.chat.sip.chat;

import org.openpchat.chat.sip.facade.JoinedRoom;
import org.openpchat.chat.sip.xccos.XccosWriter;

/**
 * Tells a room's other dialogs that a user joined or left (ntc:join, ntc:part), unless the room
 * holds more people than ParticipantUpdateLimit, where roster updates stop as in Lync.
 */
final class RosterNotices {

    static final String MEMBER = "3984";
    static final String MANAGER = "12276";

    private RosterNotices() {
    }

    static void joined(CommandContext context, JoinedRoom room, int participantUpdateLimit) {
        if (room.occupants().size() > participantUpdateLimit) {
            return;
        }
        boolean manager = room.managers().contains(context.user());
        toOthers(context, room.uri(), joinNotice(context.writer(), context.user(), room.domain(), room.uid(), manager));
    }

    /** {@code ntc:join} naming the user (without "sip:") in the room, as a member and perhaps a manager. */
    static String joinNotice(XccosWriter writer, String user, String domain, String roomUid, boolean manager) {
        return writer.notice("join", xml -> {
            xml.start("uib").attribute("uri", "sip:" + user);
            xml.empty("aib", "key", MEMBER, "domain", domain, "value", roomUid);
            if (manager) {
                xml.empty("aib", "key", MANAGER, "domain", domain, "value", roomUid);
            }
            xml.end();
        });
    }

    static void left(CommandContext context, String roomUri, int participantUpdateLimit) {
        int othersBefore = context.sessions().peopleIn(roomUri, context.user(), participantUpdateLimit);
        if (othersBefore + 1 > participantUpdateLimit) { // the same count as joined(): people, not dialogs
            return;
        }
        toOthers(context, roomUri, partNotice(context, roomUri));
    }

    /** {@code ntc:part} naming the context's user in the room. */
    static String partNotice(CommandContext context, String roomUri) {
        return partNotice(context.writer(), context.user(), roomUri);
    }

    /** {@code ntc:part} naming the user (without "sip:") in the room. */
    static String partNotice(XccosWriter writer, String user, String roomUri) {
        return writer.notice("part", xml -> xml.start("chanib").attribute("uri", roomUri)
                .empty("uib", "uri", "sip:" + user).end());
    }

    private static void toOthers(CommandContext context, String roomUri, String notice) {
        for (ChatSessions.ChatSession other : context.sessions().sessionsIn(roomUri)) {
            if (!other.id().equals(context.session().id())) {
                context.send(other.id(), notice);
            }
        }
    }
}
