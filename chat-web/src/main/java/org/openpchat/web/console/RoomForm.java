package org.openpchat.web.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.RoomType;

/** One of the user's rooms as the editor shows it, with the version it was read at. */
public final class RoomForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String category;
    private String uri;
    private String tag;
    private String description;
    private Privacy privacy;
    private RoomType type;
    private InvitationSetting invitations;
    private boolean disabled;
    private List<String> members;
    private List<String> managers;
    private List<String> presenters;

    static RoomForm of(RoomView room) {
        RoomForm form = new RoomForm();
        form.name = room.name();
        form.category = room.category();
        form.uri = room.uri();
        form.tag = ItemTags.of(room);
        form.description = room.description();
        form.privacy = Privacy.valueOf(room.privacy().toUpperCase(Locale.ROOT));
        form.type = RoomType.valueOf(room.type().toUpperCase(Locale.ROOT));
        form.invitations = InvitationSetting.valueOf(room.invitations().toUpperCase(Locale.ROOT));
        form.disabled = room.disabled();
        form.members = written(room.members());
        form.managers = written(room.managers());
        form.presenters = written(room.presenters());
        return form;
    }

    /** Users as their SIP address, other principals with their kind (group:staff). */
    static List<String> written(List<String> principals) {
        List<String> result = new ArrayList<>();
        for (String principal : principals) {
            result.add(principal.startsWith("sip:") ? principal.substring(4) : principal);
        }
        return result;
    }

    public String getName() {
        return name;
    }

    /** The version of the room the editor was filled from: a change made since is refused. */
    public String getTag() {
        return tag;
    }

    public String getCategory() {
        return category;
    }

    public String getUri() {
        return uri;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Privacy getPrivacy() {
        return privacy;
    }

    public void setPrivacy(Privacy privacy) {
        this.privacy = privacy;
    }

    public RoomType getType() {
        return type;
    }

    public void setType(RoomType type) {
        this.type = type;
    }

    public InvitationSetting getInvitations() {
        return invitations;
    }

    public void setInvitations(InvitationSetting invitations) {
        this.invitations = invitations;
    }

    public boolean isDisabled() {
        return disabled;
    }

    public void setDisabled(boolean disabled) {
        this.disabled = disabled;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members;
    }

    public List<String> getManagers() {
        return managers;
    }

    public void setManagers(List<String> managers) {
        this.managers = managers;
    }

    public List<String> getPresenters() {
        return presenters;
    }

    public void setPresenters(List<String> presenters) {
        this.presenters = presenters;
    }
}
