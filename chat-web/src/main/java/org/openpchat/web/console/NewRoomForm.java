package org.openpchat.web.console;

import java.io.Serializable;
import org.openpchat.chat.domain.room.Privacy;

/** The "Create a room" form. */
public final class NewRoomForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String description;
    private String category;
    private Privacy privacy = Privacy.CLOSED;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Privacy getPrivacy() {
        return privacy;
    }

    public void setPrivacy(Privacy privacy) {
        this.privacy = privacy;
    }
}
