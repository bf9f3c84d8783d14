package org.openpchat.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.application.room.RoomQuery;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.domain.principal.PrincipalId;

/** The administrators' room list: Get-CsPersistentChatRoom with its filters. */
@Named
@ViewScoped
public class RoomsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LIMIT = 1000;

    @EJB
    private RoomService rooms;
    @EJB
    private CategoryService categories;
    @Inject
    private ConsoleUser user;

    private String name;
    private String category;
    private String member;
    private String manager;
    private List<RoomView> results = new ArrayList<>();
    private List<String> categoryNames;

    @PostConstruct
    void load() {
        categoryNames = categories.views(user.actor()).stream().map(CategoryView::name).sorted().toList();
        search();
    }

    public void search() {
        PrincipalId memberId = principal("search:member", member);
        PrincipalId managerId = principal("search:manager", manager);
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        RoomQuery query = new RoomQuery(name, false, category, null, null, null, managerId, memberId, null, LIMIT);
        Feedback.attempt(null, () -> rooms.query(user.actor(), query)).ifPresent(found -> {
            results = new ArrayList<>(found);
            results.sort(Comparator.comparing(RoomView::name, String.CASE_INSENSITIVE_ORDER));
        });
    }

    public void clear() {
        name = null;
        category = null;
        member = null;
        manager = null;
        search();
    }

    /** The principal in a search field; null when the field is empty or (after saying why) not a principal. */
    private static PrincipalId principal(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Feedback.attempt(field, () -> PrincipalId.parse(text.strip())).orElse(null);
    }

    public List<RoomView> getResults() {
        return results;
    }

    public boolean isLimited() {
        return results.size() >= LIMIT;
    }

    public List<String> getCategoryNames() {
        return categoryNames;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }
}
