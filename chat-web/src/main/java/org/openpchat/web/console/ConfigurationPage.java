package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyService;

/**
 * Persistent Chat configurations (New-/Set-/Remove-CsPersistentChatConfiguration): the global one
 * and any per site or service; one at a time in the form.
 */
@Named
@ViewScoped
public class ConfigurationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PolicyService policies;
    @Inject
    private ConsoleUser user;

    private List<ConfigurationView> shown;
    private ConfigurationView edited;
    private Integer defaultChatHistory;
    private Integer maxFileSizeKb;
    private Integer participantUpdateLimit;
    private String roomManagementUrl;

    private String identity;

    public List<ConfigurationView> getConfigurations() {
        if (shown == null) {
            shown = Feedback.attempt(null, () -> policies.configurationViews(user.actor())).orElse(List.of());
        }
        return shown;
    }

    /** The configuration in the form: the one chosen, else the global one. */
    public ConfigurationView getEdited() {
        if (edited == null && !getConfigurations().isEmpty()) {
            edit(getConfigurations().get(0));
        }
        return edited;
    }

    public void edit(ConfigurationView configuration) {
        edited = configuration;
        defaultChatHistory = configuration.defaultChatHistory();
        maxFileSizeKb = configuration.maxFileSizeKB();
        participantUpdateLimit = configuration.participantUpdateLimit();
        roomManagementUrl = configuration.roomManagementUrl();
    }

    public void save() {
        ConfigurationChange change = new ConfigurationChange(defaultChatHistory, maxFileSizeKb,
                participantUpdateLimit, roomManagementUrl == null ? "" : roomManagementUrl);
        Feedback.attempt(null, () -> policies.updateConfiguration(user.actor(), edited.identity(), change,
                ItemTags.of(edited))).ifPresent(saved -> {
                    shown = null;
                    edit(saved);
                    Feedback.info("Configuration " + saved.identity() + " saved.");
                });
    }

    /** A new site or service configuration with the defaults, opened in the form. */
    public void create() {
        Feedback.attempt("create:identity", () -> policies.createConfiguration(user.actor(), identity,
                new ConfigurationChange(null, null, null, null))).ifPresent(created -> {
                    shown = null;
                    identity = null;
                    edit(created);
                    Feedback.info("Configuration " + created.identity() + " created.");
                });
    }

    public void delete(ConfigurationView configuration) {
        if (Feedback.attempt(null, () -> policies.removeConfiguration(user.actor(), configuration.identity()))) {
            shown = null;
            edited = null;
            Feedback.info("Configuration " + configuration.identity() + " removed.");
        }
    }

    public Integer getDefaultChatHistory() {
        return defaultChatHistory;
    }

    public void setDefaultChatHistory(Integer defaultChatHistory) {
        this.defaultChatHistory = defaultChatHistory;
    }

    public Integer getMaxFileSizeKb() {
        return maxFileSizeKb;
    }

    public void setMaxFileSizeKb(Integer maxFileSizeKb) {
        this.maxFileSizeKb = maxFileSizeKb;
    }

    public Integer getParticipantUpdateLimit() {
        return participantUpdateLimit;
    }

    public void setParticipantUpdateLimit(Integer participantUpdateLimit) {
        this.participantUpdateLimit = participantUpdateLimit;
    }

    public String getRoomManagementUrl() {
        return roomManagementUrl;
    }

    public void setRoomManagementUrl(String roomManagementUrl) {
        this.roomManagementUrl = roomManagementUrl;
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }
}
