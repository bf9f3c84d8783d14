package org.openpchat.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.room.RoomChange;
import org.openpchat.chat.application.room.RoomQuery;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.InvitationSetting;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Lync's "Manage a chat room" page: the rooms the user manages and the categories they may create
 * rooms in, as RoomService and CategoryService give them; creating a room and changing one of
 * the user's rooms go through RoomService like the API's requests.
 */
@Named
@ViewScoped
public class RoomManagementPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RoomService roomService;
    @EJB
    private CategoryService categoryService;
    @Inject
    private ConsoleUser user;

    private List<String> creatableCategories = List.of();
    private List<Row> rooms = List.of();

    private final NewRoom newRoom = new NewRoom();
    private RoomForm editing;

    @PostConstruct
    void load() {
        Actor actor = user.actor();
        creatableCategories = categoryService.whereRoomsMayBeCreated(actor);
        rooms = managedRooms(actor);
        if (newRoom.category == null && !creatableCategories.isEmpty()) {
            newRoom.category = creatableCategories.get(0);
        }
    }

    /**
     * The rooms the user may manage: for a user every room RoomAccess lets them manage (directly
     * or through a group); for an administrator, who may manage every room, the rooms naming them
     * as manager (the administration pages have all rooms).
     */
    private List<Row> managedRooms(Actor actor) {
        PrincipalId self = actor.administrator() ? actor.user() : null;
        RoomQuery query = new RoomQuery(null, false, null, null, null, null, self, null, null, 1000);
        try {
            return roomService.query(actor, query).stream()
                    .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).map(Row::new).toList();
        } catch (DomainException e) {
            if (e.reason() == DomainException.Reason.FORBIDDEN) {
                return List.of();
            }
            throw e;
        }
    }

    public List<String> getCreatableCategories() {
        return creatableCategories;
    }

    public List<Row> getRooms() {
        return rooms;
    }

    public boolean isMayCreate() {
        return !creatableCategories.isEmpty();
    }

    public boolean isManagesRooms() {
        return !rooms.isEmpty();
    }

    public boolean isNothingToManage() {
        return creatableCategories.isEmpty() && rooms.isEmpty();
    }

    public NewRoom getNewRoom() {
        return newRoom;
    }

    public RoomForm getEditing() {
        return editing;
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

    public String label(Enum<?> value) {
        if (value == InvitationSetting.INHERIT) {
            return "As the category says";
        }
        if (value == InvitationSetting.FALSE) {
            return "Never";
        }
        String name = value.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    public void create() {
        RoomSpec spec = new RoomSpec(newRoom.name, blankAsNull(newRoom.description), newRoom.category,
                newRoom.privacy, null, null, null, null);
        Optional<RoomView> created = Feedback.attempt("create:name",
                () -> roomService.create(user.actor(), RoomChange.of(spec)));
        created.ifPresent(room -> {
            Feedback.info("Room '" + room.name() + "' created in " + room.category() + "; you manage it.");
            newRoom.name = null;
            newRoom.description = null;
            load();
            editing = RoomForm.of(room);
        });
    }

    public void edit(String name) {
        Feedback.attempt((String) null, () -> roomService.view(user.actor(), name))
                .ifPresent(room -> editing = RoomForm.of(room));
    }

    public void cancel() {
        editing = null;
    }

    public void save() {
        if (editing == null) {
            return;
        }
        AccessList members = list("edit:members", editing.members);
        AccessList managers = list("edit:managers", editing.managers);
        AccessList presenters = list("edit:presenters", editing.presenters);
        if (members == null || managers == null || presenters == null) {
            return;
        }
        RoomSpec spec = new RoomSpec(null, editing.description == null ? "" : editing.description, null,
                editing.privacy, editing.type, editing.invitations, editing.disabled, null);
        RoomChange change = new RoomChange(spec, members, managers, presenters);
        Feedback.attempt("edit:save", () -> roomService.update(user.actor(), editing.name, change, editing.tag))
                .ifPresent(room -> {
                    Feedback.info("Room '" + room.name() + "' saved.");
                    load();
                    boolean stillManaged = rooms.stream().anyMatch(r -> r.getName().equals(room.name()));
                    editing = stillManaged ? RoomForm.of(room) : null;
                });
    }

    /** A list as the page's field holds it, as a replacement; null after showing why an entry is wrong. */
    private static AccessList list(String clientId, List<String> entries) {
        Set<PrincipalId> ids = new LinkedHashSet<>();
        for (String entry : entries == null ? List.<String>of() : entries) {
            String written = entry == null ? "" : entry.strip();
            if (written.isEmpty()) {
                continue;
            }
            try {
                ids.add(PrincipalId.parse(written.indexOf(':') < 0 && written.contains("@") ? "sip:" + written
                        : written));
            } catch (DomainException e) {
                FacesContext.getCurrentInstance().addMessage(clientId,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
                FacesContext.getCurrentInstance().validationFailed();
                return null;
            }
        }
        return AccessList.replacing(ids);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A line of the rooms table (bean properties, which the table sorts by). */
    public static final class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private final RoomView room;

        Row(RoomView room) {
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

    /** The "Create a room" form. */
    public static final class NewRoom implements Serializable {

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

    /** One of the user's rooms as the editor shows it, with the version it was read at. */
    public static final class RoomForm implements Serializable {

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
        private static List<String> written(List<String> principals) {
            List<String> result = new ArrayList<>();
            for (String principal : principals) {
                result.add(principal.startsWith("sip:") ? principal.substring(4) : principal);
            }
            return result;
        }

        public String getName() {
            return name;
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
}
