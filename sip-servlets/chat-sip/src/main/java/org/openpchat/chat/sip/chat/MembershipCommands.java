package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.sip.facade.JoinedRoom;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XccosWriter;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * cmd:join, cmd:bjoin and cmd:part. A join answers with the room and everyone in it (the joiner
 * included, managers marked) and tells the others; a batch join reports rooms it could not
 * join as {@code fib} entries.
 */
final class MembershipCommands {

    private static final Logger LOG = Logger.getLogger(MembershipCommands.class.getName());

    private MembershipCommands() {
    }

    static void join(CommandContext context, XccosElement command) {
        JoinedRoom room = enter(context, Channels.fromChanid(command.data().requiredChild("chanid")));
        context.ok(command, xml -> describe(xml, List.of(room)));
    }

    static void batchJoin(CommandContext context, XccosElement command) {
        List<JoinedRoom> joined = new ArrayList<>();
        List<XmlNode> failed = new ArrayList<>();
        for (XmlNode chanid : CommandBounds.atMost(command.data().children("chanid"), CommandBounds.ROOMS_PER_BATCH_JOIN,
                "rooms")) {
            try {
                joined.add(enter(context, Channels.fromChanid(chanid)));
            } catch (XccosException | DomainException e) {
                failed.add(chanid);
            } catch (RuntimeException e) { // one room's failure is that room's, not the whole batch's
                LOG.log(Level.WARNING, "bjoin of " + chanid.attribute("value") + " by " + context.user() + " failed", e);
                failed.add(chanid);
            }
        }
        context.ok(command, xml -> {
            describe(xml, joined);
            for (XmlNode chanid : failed) {
                xml.empty("fib", "key", "OPERATION_FAILED", "value", chanid.attribute("value"),
                        "domain", chanid.attribute("domain"));
            }
        });
    }

    static void part(CommandContext context, XccosElement command) {
        String roomUri = Channels.fromUriAttribute(command.data().requiredChild("chanib"), "uri");
        ChatSessions.ChatSession session = context.session();
        context.sessions().userLocks().exclusively(context.user(), () -> {
            if (!context.sessions().leave(session, roomUri)) {
                throw new XccosException(XccosStatus.NOT_JOINED, "you are not in the room " + roomUri);
            }
            if (!context.sessions().inRoomElsewhere(session, roomUri)) {
                context.chat().leave(context.user(), roomUri);
                RosterNotices.left(context, roomUri, context.chat().serverInfo().participantUpdateLimit());
            }
            return null;
        });
        context.ok(command, xml -> xml.empty("chanib", "uri", roomUri));
    }

    /** Under the user's lock: an ended dialog's leave ({@link Departures}) cannot come between. */
    private static JoinedRoom enter(CommandContext context, String roomUri) {
        return context.sessions().userLocks().exclusively(context.user(), () -> {
            JoinedRoom room = context.chat().join(context.user(), roomUri);
            ChatSessions.ChatSession session = context.session();
            boolean elsewhere = context.sessions().inRoomElsewhere(session, room.uri());
            if (context.sessions().enter(session, room.uri()) && !elsewhere) {
                RosterNotices.joined(context, room, context.chat().serverInfo().participantUpdateLimit());
            }
            return room;
        });
    }

    /** uib entries for everyone in the rooms, then a chanib per room whose aib lists refer to them. */
    private static void describe(XccosWriter.Xml xml, List<JoinedRoom> rooms) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JoinedRoom room : rooms) {
            for (String user : room.occupants()) {
                ids.putIfAbsent(user, ids.size());
            }
        }
        ids.forEach((user, id) -> xml.empty("uib", "id", Integer.toString(id), "uri", "sip:" + user));
        for (JoinedRoom room : rooms) {
            xml.start("chanib").attribute("uri", room.uri()).attribute("name", room.name())
                    .attribute("description", room.description()).attribute("topic", room.topic());
            xml.empty("aib", "key", RosterNotices.MEMBER, "value", idList(ids, room.occupants()));
            if (!room.managers().isEmpty()) {
                xml.empty("aib", "key", RosterNotices.MANAGER, "value", idList(ids, room.managers()));
            }
            xml.end();
        }
    }

    private static String idList(Map<String, Integer> ids, Collection<String> users) {
        StringBuilder list = new StringBuilder(users.size() * 4);
        for (String user : users) {
            if (!list.isEmpty()) {
                list.append(',');
            }
            list.append(ids.get(user));
        }
        return list.toString();
    }
}
