package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.UserChange;
import org.openpchat.chat.application.directory.UserImportService;
import org.openpchat.chat.application.directory.UserView;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.web.rest.v1.UserCsv;

/**
 * The users: search, create, and import from CSV (the API's {@code users:import}: the same CSV,
 * the same job, followed on {@code user-import.xhtml}).
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How many matches the list shows; a narrower search finds the others. */
    static final int SHOWN = 1000;

    @EJB
    private DirectoryService directory;
    @EJB
    private UserImportService imports;
    @Inject
    private ConsoleUser user;

    private String filter;
    private List<UserView> users;

    private String uri;
    private String displayName;
    private String password;
    private List<String> groups = new ArrayList<>();

    private transient Part csv;

    public List<UserView> getUsers() {
        if (users == null) {
            users = Feedback.attempt("search:filter", () -> directory.users(user.actor(), filter, 0, SHOWN))
                    .orElse(List.of());
        }
        return users;
    }

    public void search() {
        users = null;
    }

    /** New-User, then opens the new user's page. */
    public String create() {
        return UserFeedback.attempt("create:password", "create:uri", () -> directory.createUser(user.actor(), uri,
                        new UserChange(blankToNull(displayName), password, null, null, GroupNames.initial(groups))))
                .map(created -> {
                    keepMessages("User " + created.uri() + " created.");
                    return "/admin/user?faces-redirect=true&uri=" + created.uri();
                }).orElse(null);
    }

    /** Starts the import job and follows it on its own page. */
    public String importCsv() {
        if (csv == null || csv.getSize() == 0) {
            Feedback.attempt("import:csv", () -> {
                throw DomainException.invalid("choose the CSV file to import");
            });
            return null;
        }
        return Feedback.attempt("import:csv", () -> {
            try (InputStream in = csv.getInputStream()) {
                return imports.start(user.actor(), UserCsv.read(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).map(job -> "/admin/user-import?faces-redirect=true&job=" + job.id()).orElse(null);
    }

    static void keepMessages(String text) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getGroups() {
        return groups;
    }

    public void setGroups(List<String> groups) {
        this.groups = groups == null ? new ArrayList<>() : groups;
    }

    public Part getCsv() {
        return csv;
    }

    public void setCsv(Part csv) {
        this.csv = csv;
    }
}
