package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.GroupView;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.AccessList;

/** The groups: create, open one to add and remove members, delete. */
@Named
@ViewScoped
public class GroupsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DirectoryService directory;
    @Inject
    private ConsoleUser user;

    private String filter;
    private List<GroupView> groups;

    private String name;
    private String displayName;

    private String selectedName;
    private GroupView selected;
    private String member;

    public List<GroupView> getGroups() {
        if (groups == null) {
            groups = Feedback.attempt("groups:filter", () -> directory.groups(user.actor(), filter, 0,
                    UsersPage.SHOWN)).orElse(List.of());
        }
        return groups;
    }

    public void search() {
        groups = null;
    }

    /** The view action: opens the group named in the address, if any. */
    public void load() {
        if (selected == null && selectedName != null && !selectedName.isBlank()) {
            Feedback.attempt(null, () -> directory.group(user.actor(), selectedName)).ifPresent(g -> selected = g);
        }
    }

    public String create() {
        return Feedback.attempt("create:name", () -> directory.createGroup(user.actor(), name,
                UsersPage.blankToNull(displayName), null)).map(created -> {
                    UsersPage.keepMessages("Group " + created.name() + " created.");
                    return "/admin/groups?faces-redirect=true&name=" + created.name();
                }).orElse(null);
    }

    /** Adds a principal (a user's address, {@code group:...}, {@code ou:...}, {@code domain:...}). */
    public void addMember() {
        String written = member == null ? "" : member.strip();
        Feedback.attempt("members:member", () -> change(AccessList.adding(PrincipalId.parse(written))))
                .ifPresent(saved -> {
                    member = null;
                    Feedback.info(written + " added to group " + saved.name() + ".");
                });
    }

    public void removeMember(String principal) {
        Feedback.attempt(null, () -> change(AccessList.removing(PrincipalId.parse(principal))))
                .ifPresent(saved -> Feedback.info(principal + " removed from group " + saved.name() + "."));
    }

    private GroupView change(AccessList members) {
        selected = directory.updateGroup(user.actor(), selected.name(), null, members, ItemTags.of(selected));
        groups = null;
        return selected;
    }

    public String delete() {
        String removed = selected.name();
        return Feedback.attempt(null, () -> directory.removeGroup(user.actor(), removed)) ? deleted(removed) : null;
    }

    private static String deleted(String removed) {
        UsersPage.keepMessages("Group " + removed + " removed.");
        return "/admin/groups?faces-redirect=true";
    }

    public GroupView getSelected() {
        return selected;
    }

    public String getSelectedName() {
        return selectedName;
    }

    public void setSelectedName(String selectedName) {
        this.selectedName = selectedName;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }
}
