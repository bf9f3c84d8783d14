package org.openpchat.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.addin.AddinService;
import org.openpchat.chat.application.addin.AddinView;

/** The add-ins page: New-/Set-/Remove-CsPersistentChatAddin. */
@Named
@ViewScoped
public class AddinsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AddinService service;
    @Inject
    private ConsoleUser user;

    private List<AddinView> all;
    /** What the table shows: the add-ins whose name contains the filter. */
    private List<AddinView> addins;
    private String nameFilter;
    /** The add-in whose address is being edited, or null while creating one. */
    private AddinView editing;
    private String name;
    private String url;

    @PostConstruct
    void load() {
        reload();
    }

    /** A copy the table may sort in place. */
    private void reload() {
        all = new ArrayList<>(service.views(user.actor()));
        all.sort(Comparator.comparing(AddinView::name, String.CASE_INSENSITIVE_ORDER));
        filter();
    }

    /** Keeps the rows whose name contains the filter (ignoring case); the table's row actions act on these. */
    public void filter() {
        String needle = nameFilter == null ? "" : nameFilter.strip().toLowerCase(Locale.ROOT);
        addins = new ArrayList<>(all.stream()
                .filter(addin -> addin.name().toLowerCase(Locale.ROOT).contains(needle)).toList());
    }

    public void startNew() {
        editing = null;
        name = null;
        url = null;
    }

    public void edit(AddinView addin) {
        editing = addin;
        name = addin.name();
        url = addin.url();
    }

    public void save() {
        if (editing == null) {
            Feedback.attempt(null, () -> service.create(user.actor(), name, url))
                    .ifPresent(created -> saved(created, "Add-in " + created.name() + " created."));
        } else {
            String tag = ItemTags.of(editing);
            Feedback.attempt(null, () -> service.update(user.actor(), editing.name(),
                    TextFields.change(editing.name(), name), TextFields.change(editing.url(), url), tag))
                    .ifPresent(updated -> saved(updated, "Add-in " + updated.name() + " saved."));
        }
    }

    /** Refused while rooms use the add-in: the administrator first takes it off those rooms. */
    public void delete(AddinView addin) {
        if (Feedback.attempt(null, () -> service.delete(user.actor(), addin.name(), false))) {
            if (editing != null && editing.name().equals(addin.name())) {
                startNew();
            }
            reload();
            Feedback.info("Add-in " + addin.name() + " deleted.");
        }
    }

    private void saved(AddinView addin, String message) {
        reload();
        edit(addin);
        Feedback.info(message);
    }

    public List<AddinView> getAddins() {
        return addins;
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

    public AddinView getEdited() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }
}
