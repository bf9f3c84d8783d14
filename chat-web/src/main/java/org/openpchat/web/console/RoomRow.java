package org.openpchat.web.console;

import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.room.RoomView;

/** A line of the rooms table (bean properties, which the table sorts by). */
public final class RoomRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RoomView room;

    RoomRow(RoomView room) {
        this.room = room;
    }

    public String getName() {
        return room.name();
    }

    public String getCategory() {
        return room.category();
    }

    public String getPrivacy() {
        return room.privacy();
    }

    public String getType() {
        return room.type();
    }

    public String getState() {
        return room.disabled() ? "Disabled" : "Enabled";
    }

    /** The first few member entries as written in the editor, and how many more there are. */
    public String getMembers() {
        List<String> entries = RoomForm.written(room.members());
        String shown = String.join(", ", entries.subList(0, Math.min(3, entries.size())));
        return entries.size() > 3 ? shown + " and " + (entries.size() - 3) + " more" : shown;
    }

    public String getDescription() {
        return room.description() == null ? "" : room.description();
    }
}
