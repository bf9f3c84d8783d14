package org.openpchat.chat.sip.chat;

import java.util.List;
import org.openpchat.chat.sip.facade.RoomSummary;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * cmd:chansrch: the rooms the user may find whose name contains the criteria (all of them for
 * an empty one). "visibilty" is spelt as clients expect it.
 */
final class RoomDirectoryCommand implements CommandHandler {

    @Override
    public void handle(CommandContext context, XccosElement command) {
        XmlNode query = command.data().child("qib");
        String criteria = query == null || query.attribute("criteria") == null ? "" : query.attribute("criteria");
        List<RoomSummary> rooms = context.chat().findRooms(context.user(), criteria);
        context.ok(command, xml -> {
            for (RoomSummary room : rooms) {
                xml.start("chanib").attribute("name", room.name()).attribute("description", room.description())
                        .attribute("uri", room.uri());
                xml.start("info").attribute("id", "urn:parlano:ma:info:ucnt").text(Integer.toString(room.occupants())).end();
                xml.start("info").attribute("id", "urn:parlano:ma:info:visibilty")
                        .text(room.open() ? "public" : "private").end();
                property(xml, "filepost", room.filePost());
                property(xml, "invite", room.invitations());
                property(xml, "logged", room.logged());
                xml.end();
            }
        });
    }

    private static void property(org.openpchat.chat.sip.xccos.XccosWriter.Xml xml, String name, boolean value) {
        xml.start("prop").attribute("id", "urn:parlano:ma:prop:" + name).text(Boolean.toString(value)).end();
    }
}
