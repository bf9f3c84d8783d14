package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.pool.PoolAdministration;
import org.openpchat.chat.application.pool.PoolChange;
import org.openpchat.chat.application.pool.PoolSettingsView;
import org.openpchat.chat.domain.pool.PoolState;

/**
 * The dashboard's form for the pool's settings (Set-CsPersistentChatState,
 * Set-CsPersistentChatActiveServer): the state and the active servers as one line of names. Only
 * what changed is sent, refused if someone changed the settings since the page was loaded.
 */
@Named
@ViewScoped
public class PoolForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PoolAdministration pool;
    @Inject
    private ConsoleUser user;

    private PoolSettingsView shown;
    private String state;
    private String activeServers;

    /** The settings as the page was loaded. */
    private PoolSettingsView shown() {
        if (shown == null) {
            shown = pool.state(user.actor()).settings();
            state = shown.state();
            activeServers = String.join(" ", shown.activeServers());
        }
        return shown;
    }

    public String save() {
        PoolSettingsView before = shown();
        return Feedback.attempt(null, () -> pool.change(user.actor(), change(before), ItemTags.of(before)))
                .map(saved -> {
                    UsersPage.keepMessages("The pool's settings were saved.");
                    return "/admin/index?faces-redirect=true";
                }).orElse(null);
    }

    /** What differs from the settings as the page showed them. */
    private PoolChange change(PoolSettingsView before) {
        List<String> names = names(activeServers);
        return new PoolChange(before.state().equals(state) ? null : PoolState.parse(state),
                names.equals(before.activeServers()) ? null : PoolChange.ActiveServers.replacing(names));
    }

    /** Names separated by spaces or commas; none is an empty list. */
    static List<String> names(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,]+")).filter(name -> !name.isEmpty()).toList();
    }

    public List<String> getStates() {
        return Arrays.stream(PoolState.values()).map(PoolState::text).toList();
    }

    public String getState() {
        shown();
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getActiveServers() {
        shown();
        return activeServers;
    }

    public void setActiveServers(String activeServers) {
        this.activeServers = activeServers;
    }
}
