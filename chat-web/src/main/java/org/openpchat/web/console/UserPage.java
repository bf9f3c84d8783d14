package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.UserChange;
import org.openpchat.chat.application.directory.UserView;

/**
 * One user: display name and groups (saved only if nobody changed the user meanwhile, as the API's
 * If-Match does), a new password (never shown back), and removal.
 */
@Named
@ViewScoped
public class UserPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DirectoryService directory;
    @Inject
    private ConsoleUser user;

    private String uri;
    private UserView shown;
    private String displayName;
    private List<String> groups = new ArrayList<>();
    private String newPassword;

    /** The view action: reads the user named in the address. */
    public void load() {
        if (shown == null && uri != null) {
            Feedback.attempt(null, () -> directory.user(user.actor(), uri)).ifPresent(this::show);
        }
    }

    private void show(UserView view) {
        shown = view;
        displayName = view.displayName();
        groups = new ArrayList<>(GroupNames.shown(view.groups()));
    }

    public void save() {
        Feedback.attempt("details:groups", () -> directory.updateUser(user.actor(), shown.uri(),
                new UserChange(renamed(), null, null, null,
                        GroupNames.change(GroupNames.shown(shown.groups()), groups)), ItemTags.of(shown)))
                .ifPresent(saved -> {
                    show(saved);
                    Feedback.info("Saved.");
                });
    }

    /** The new display name, or null when it is unchanged (blank gives the user their address). */
    private String renamed() {
        String wanted = displayName == null ? "" : displayName.strip();
        return wanted.equals(shown.displayName() == null ? "" : shown.displayName()) ? null : wanted;
    }

    public void changePassword() {
        String password = newPassword;
        newPassword = null;
        UserFeedback.attempt("password:newPassword", "password:newPassword", () -> directory.updateUser(
                user.actor(), shown.uri(), new UserChange(null, password, null, null, null), null))
                .ifPresent(saved -> Feedback.info("The password of " + saved.uri() + " was changed."));
    }

    public String delete() {
        return Feedback.attempt(null, () -> directory.removeUser(user.actor(), shown.uri())) ? removed() : null;
    }

    private String removed() {
        UsersPage.keepMessages("User " + shown.uri() + " removed.");
        return "/admin/users?faces-redirect=true";
    }

    public UserView getShown() {
        return shown;
    }

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
