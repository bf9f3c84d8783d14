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
import java.util.Locale;
import java.util.Objects;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.category.CategoryChange;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.category.CategoryView;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The categories page: every category in a table, and one form that creates a category or edits
 * the one picked from the table (New-/Set-/Remove-CsPersistentChatCategory).
 */
@Named
@ViewScoped
public class CategoriesPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "category:";

    @EJB
    private CategoryService service;
    @Inject
    private ConsoleUser user;

    private List<CategoryView> all;
    /** What the table shows: the categories whose name contains the filter. */
    private List<CategoryView> categories;
    private String nameFilter;
    /** The category as it was loaded into the form, or null for a new one. */
    private CategoryView editing;
    private String name;
    private String description;
    private boolean fileUpload;
    private boolean invitations;
    private boolean chatHistory;
    private List<String> allowedMembers;
    private List<String> deniedMembers;
    private List<String> creators;

    @PostConstruct
    void load() {
        reload();
        startNew();
    }

    /** A copy the table may sort in place. */
    private void reload() {
        all = new ArrayList<>(service.views(user.actor()));
        all.sort(Comparator.comparing(CategoryView::name, String.CASE_INSENSITIVE_ORDER));
        filter();
    }

    /** Keeps the rows whose name contains the filter (ignoring case); the table's row actions act on these. */
    public void filter() {
        String needle = nameFilter == null ? "" : nameFilter.strip().toLowerCase(Locale.ROOT);
        categories = new ArrayList<>(all.stream()
                .filter(category -> category.name().toLowerCase(Locale.ROOT).contains(needle)).toList());
    }

    /** Empties the form for a new category, with the defaults of a new category. */
    public void startNew() {
        editing = null;
        name = null;
        description = null;
        fileUpload = false;
        invitations = false;
        chatHistory = true;
        allowedMembers = new ArrayList<>();
        deniedMembers = new ArrayList<>();
        creators = new ArrayList<>();
    }

    public void edit(CategoryView category) {
        editing = category;
        name = category.name();
        description = category.description();
        fileUpload = category.fileUpload();
        invitations = category.invitations();
        chatHistory = category.chatHistory();
        allowedMembers = new ArrayList<>(category.allowedMembers());
        deniedMembers = new ArrayList<>(category.deniedMembers());
        creators = new ArrayList<>(category.creators());
    }

    public void save() {
        AccessList allowed = list("allowedMembers", editing == null ? null : editing.allowedMembers(), allowedMembers);
        AccessList denied = list("deniedMembers", editing == null ? null : editing.deniedMembers(), deniedMembers);
        AccessList creatorsChange = list("creators", editing == null ? null : editing.creators(), creators);
        if (FacesContext.getCurrentInstance().isValidationFailed()) {
            return;
        }
        if (editing == null) {
            CategorySpec spec = new CategorySpec(name, description, fileUpload, invitations, chatHistory);
            Feedback.attempt(null, () -> service.create(user.actor(), new CategoryChange(spec, allowed, denied,
                    creatorsChange))).ifPresent(created -> saved(created, "Category " + created.name() + " created."));
        } else {
            CategorySpec spec = new CategorySpec(Objects.equals(name, editing.name()) ? null : name,
                    TextFields.change(editing.description(), description), fileUpload, invitations, chatHistory);
            String tag = ItemTags.of(editing);
            Feedback.attempt(null, () -> service.update(user.actor(), editing.name(),
                    new CategoryChange(spec, allowed, denied, creatorsChange), tag))
                    .ifPresent(updated -> saved(updated, "Category " + updated.name() + " saved."));
        }
    }

    public void delete(CategoryView category) {
        if (Feedback.attempt(null, () -> service.delete(user.actor(), category.name()))) {
            reload();
            if (editing != null && editing.name().equals(category.name())) {
                startNew();
            }
            Feedback.info("Category " + category.name() + " deleted.");
        }
    }

    private void saved(CategoryView category, String message) {
        reload();
        edit(category);
        Feedback.info(message);
    }

    private static AccessList list(String field, List<String> before, List<String> after) {
        return Feedback.attempt(FORM + field, () -> before == null ? PrincipalLists.initial(after)
                : PrincipalLists.change(before, after)).orElse(null);
    }

    public List<CategoryView> getCategories() {
        return categories;
    }

    public String getNameFilter() {
        return nameFilter;
    }

    public void setNameFilter(String nameFilter) {
        this.nameFilter = nameFilter;
    }

    public boolean isCreating() {
        return editing == null;
    }

    public String getEditedName() {
        return editing == null ? null : editing.name();
    }

    public CategoryView getEdited() {
        return editing;
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

    public boolean isFileUpload() {
        return fileUpload;
    }

    public void setFileUpload(boolean fileUpload) {
        this.fileUpload = fileUpload;
    }

    public boolean isInvitations() {
        return invitations;
    }

    public void setInvitations(boolean invitations) {
        this.invitations = invitations;
    }

    public boolean isChatHistory() {
        return chatHistory;
    }

    public void setChatHistory(boolean chatHistory) {
        this.chatHistory = chatHistory;
    }

    public List<String> getAllowedMembers() {
        return allowedMembers;
    }

    public void setAllowedMembers(List<String> allowedMembers) {
        this.allowedMembers = allowedMembers;
    }

    public List<String> getDeniedMembers() {
        return deniedMembers;
    }

    public void setDeniedMembers(List<String> deniedMembers) {
        this.deniedMembers = deniedMembers;
    }

    public List<String> getCreators() {
        return creators;
    }

    public void setCreators(List<String> creators) {
        this.creators = creators;
    }
}
