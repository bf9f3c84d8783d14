package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openpchat.chat.application.EnumText;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.addin.AddinService;
import org.openpchat.chat.application.addin.AddinView;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.room.RoomChange;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The administrators' room editor ({@code room.xhtml?name=...}; without a name it creates a
 * room): every setting and list of New-/Set-CsPersistentChatRoom, disabling and deleting.
 */
@Named
@ViewScoped
public class RoomEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "room:";

    @EJB
    private RoomService rooms;
    @EJB
    private CategoryService categories;
    @EJB
    private AddinService addins;
    @Inject
    private ConsoleUser user;

    /** The name in the address. */
    private String roomName;
    /** The room as last read, or null while creating one. */
    private RoomView room;
    private boolean missing;
    private List<String> categoryNames;
    private List<String> addinNames;

    private String name;
    private String description;
    private String category;
    private Privacy privacy;
    private RoomType type;
    private InvitationSetting invitations;
    private boolean disabled;
    private String addin;
    private List<String> members;
    private List<String> managers;
    private List<String> presenters;

    /** The page's view action: reads the room named in the address, or prepares a new one. */
    public void load() {
        categoryNames = categories.views(user.actor()).stream().map(CategoryView::name).sorted().toList();
        addinNames = addins.views(user.actor()).stream().map(AddinView::name).sorted().toList();
        if (roomName == null || roomName.isBlank()) {
            startNew();
            return;
        }
        Feedback.attempt(null, () -> rooms.view(user.actor(), roomName)).ifPresentOrElse(this::show,
                () -> missing = true);
    }

    private void startNew() {
        room = null;
        name = null;
        description = null;
        category = categoryNames.isEmpty() ? null : categoryNames.get(0);
        privacy = Privacy.CLOSED;
        type = RoomType.NORMAL;
        invitations = InvitationSetting.INHERIT;
        disabled = false;
        addin = null;
        members = new ArrayList<>();
        managers = new ArrayList<>();
        presenters = new ArrayList<>();
    }

    private void show(RoomView view) {
        room = view;
        name = view.name();
        description = view.description();
        category = view.category();
        privacy = Privacy.valueOf(view.privacy().toUpperCase(Locale.ROOT));
        type = RoomType.valueOf(view.type().toUpperCase(Locale.ROOT));
        invitations = InvitationSetting.valueOf(view.invitations().toUpperCase(Locale.ROOT));
        disabled = view.disabled();
        addin = view.addin();
        members = new ArrayList<>(view.members());
        managers = new ArrayList<>(view.managers());
        presenters = new ArrayList<>(view.presenters());
    }

    /** Creates the room, or saves what was changed in one all-or-nothing request. */
    public void save() {
        AccessList memberChange = list("members", room == null ? null : room.members(), members);
        AccessList managerChange = list("managers", room == null ? null : room.managers(), managers);
        AccessList presenterChange = list("presenters", room == null ? null : room.presenters(), presenters);
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        if (room == null) {
            RoomSpec spec = new RoomSpec(name, description, category, privacy, type, invitations, disabled, addin);
            Feedback.attempt(null, () -> rooms.create(user.actor(),
                    new RoomChange(spec, memberChange, managerChange, presenterChange)))
                    .ifPresent(created -> reopen(created, "Room " + created.name() + " created."));
            return;
        }
        RoomSpec spec = new RoomSpec(TextFields.change(room.name(), name),
                TextFields.change(room.description(), description), TextFields.change(room.category(), category),
                changed(room.privacy(), privacy), changed(room.type(), type),
                changed(room.invitations(), invitations), room.disabled() == disabled ? null : disabled,
                TextFields.change(room.addin(), addin));
        String tag = ItemTags.of(room);
        Feedback.attempt(null, () -> rooms.update(user.actor(), room.name(),
                new RoomChange(spec, memberChange, managerChange, presenterChange), tag))
                .ifPresent(updated -> reopen(updated, "Room " + updated.name() + " saved."));
    }

    /** Disables an enabled room or enables a disabled one, leaving unsaved edits aside. */
    public void toggleDisabled() {
        boolean disable = !room.disabled();
        RoomSpec spec = new RoomSpec(null, null, null, null, null, null, disable, null);
        String tag = ItemTags.of(room);
        Feedback.attempt(null, () -> rooms.update(user.actor(), room.name(), RoomChange.of(spec), tag))
                .ifPresent(updated -> reopen(updated, "Room " + updated.name() + (disable ? " disabled." : " enabled.")));
    }

    public void delete() {
        String deleted = room.name();
        if (Feedback.attempt(null, () -> rooms.delete(user.actor(), deleted))) {
            Feedback.info("Room " + deleted + " deleted.");
            redirect("/admin/rooms.xhtml");
        }
    }

    /** Shows the room as saved at its (possibly new) address: a reload does not post again. */
    private void reopen(RoomView view, String message) {
        Feedback.info(message);
        redirect("/admin/room.xhtml?name=" + URLEncoder.encode(view.name(), StandardCharsets.UTF_8));
    }

    /** Redirects keeping the page's messages for the next one (any name is safe in the address). */
    private static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <E extends Enum<E>> E changed(String before, E after) {
        return Objects.equals(before, EnumText.of(after)) ? null : after;
    }

    private static AccessList list(String field, List<String> before, List<String> after) {
        return Feedback.attempt(FORM + field, () -> before == null ? PrincipalLists.initial(after)
                : PrincipalLists.change(before, after)).orElse(null);
    }

    public String label(Enum<?> value) {
        return EnumText.of(value);
    }

    public Privacy[] getPrivacies() {
        return Privacy.values();
    }

    public RoomType[] getTypes() {
        return RoomType.values();
    }

    public InvitationSetting[] getInvitationSettings() {
        return InvitationSetting.values();
    }

    public boolean isCreating() {
        return room == null && !missing;
    }

    public boolean isMissing() {
        return missing;
    }

    public RoomView getRoom() {
        return room;
    }

    public List<String> getCategoryNames() {
        return categoryNames;
    }

    public List<String> getAddinNames() {
        return addinNames;
    }

    public String getRoomName() {
        return roomName;
    }

    public void setRoomName(String roomName) {
        this.roomName = roomName;
    }

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

    public String getAddin() {
        return addin;
    }

    public void setAddin(String addin) {
        this.addin = addin;
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
