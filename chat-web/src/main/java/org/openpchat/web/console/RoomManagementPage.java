package org.openpchat.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    private List<RoomRow> rooms = List.of();

    private final NewRoomForm newRoom = new NewRoomForm();
    private RoomForm editing;

    @PostConstruct
    void load() {
        Actor actor = user.actor();
        creatableCategories = categoryService.whereRoomsMayBeCreated(actor);
        rooms = managedRooms(actor);
        if (newRoom.getCategory() == null && !creatableCategories.isEmpty()) {
            newRoom.setCategory(creatableCategories.get(0));
        }
    }

    /**
     * The rooms the user may manage: for a user every room RoomAccess lets them manage (directly
     * or through a group); for an administrator, who may manage every room, the rooms naming them
     * as manager (the administration pages have all rooms).
     */
    private List<RoomRow> managedRooms(Actor actor) {
        PrincipalId self = actor.administrator() ? actor.user() : null;
        RoomQuery query = new RoomQuery(null, false, null, null, null, null, self, null, null, 1000);
        try {
            return roomService.query(actor, query).stream()
                    .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).map(RoomRow::new).toList();
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

    public List<RoomRow> getRooms() {
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

    public NewRoomForm getNewRoom() {
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
        RoomSpec spec = new RoomSpec(newRoom.getName(), blankAsNull(newRoom.getDescription()),
                newRoom.getCategory(), newRoom.getPrivacy(), null, null, null, null);
        Optional<RoomView> created = Feedback.attempt("create:name",
                () -> roomService.create(user.actor(), RoomChange.of(spec)));
        created.ifPresent(room -> {
            Feedback.info("Room '" + room.name() + "' created in " + room.category() + "; you manage it.");
            newRoom.setName(null);
            newRoom.setDescription(null);
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
        AccessList members = list("edit:members", editing.getMembers());
        AccessList managers = list("edit:managers", editing.getManagers());
        AccessList presenters = list("edit:presenters", editing.getPresenters());
        if (members == null || managers == null || presenters == null) {
            return;
        }
        RoomSpec spec = new RoomSpec(null, editing.getDescription() == null ? "" : editing.getDescription(),
                null, editing.getPrivacy(), editing.getType(), editing.getInvitations(), editing.isDisabled(), null);
        RoomChange change = new RoomChange(spec, members, managers, presenters);
        Feedback.attempt("edit:save", () -> roomService.update(user.actor(), editing.getName(), change, editing.getTag()))
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
}
