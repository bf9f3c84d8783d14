package org.openpchat.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.application.policy.PolicyView;

/**
 * Persistent Chat policies (New-/Set-/Remove-CsPersistentChatPolicy) and granting a tag policy to
 * a user (Grant-CsPersistentChatPolicy).
 */
@Named
@ViewScoped
public class PoliciesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PolicyService policies;
    @Inject
    private ConsoleUser user;

    private List<PolicyView> shown;

    private String identity;
    private boolean enabled = true;
    private String description;

    private PolicyView edited;
    private boolean editedEnabled;
    private String editedDescription;
    private boolean force;

    private String grantee;
    private String grantedPolicy;

    public List<PolicyView> getPolicies() {
        if (shown == null) {
            shown = Feedback.attempt(null, () -> policies.policyViews(user.actor())).orElse(List.of());
        }
        return shown;
    }

    /** The tag policies, the only ones a user can be granted. */
    public List<String> getTagPolicies() {
        return getPolicies().stream().map(PolicyView::identity).filter(id -> id.startsWith("tag:")).toList();
    }

    public void create() {
        Feedback.attempt("create:identity", () -> policies.createPolicy(user.actor(), identity, enabled,
                UsersPage.blankToNull(description))).ifPresent(created -> {
                    shown = null;
                    identity = null;
                    description = null;
                    Feedback.info("Policy " + created.identity() + " created.");
                });
    }

    public void edit(PolicyView policy) {
        edited = policy;
        editedEnabled = policy.enablePersistentChat();
        editedDescription = policy.description();
    }

    public void save() {
        Feedback.attempt("edit:description", () -> policies.updatePolicy(user.actor(), edited.identity(),
                editedEnabled, editedDescription == null ? "" : editedDescription, ItemTags.of(edited)))
                .ifPresent(saved -> {
                    shown = null;
                    edited = null;
                    Feedback.info("Policy " + saved.identity() + " saved.");
                });
    }

    public void delete(PolicyView policy) {
        if (Feedback.attempt(null, () -> policies.removePolicy(user.actor(), policy.identity(), force))) {
            shown = null;
            if (edited != null && edited.identity().equals(policy.identity())) {
                edited = null;
            }
            Feedback.info("Policy " + policy.identity() + " removed.");
        }
    }

    /** Grants the chosen tag policy to the user, or takes their tag policy back when none is chosen. */
    public void grant() {
        String policy = UsersPage.blankToNull(grantedPolicy);
        String who = grantee == null ? "" : grantee.strip();
        if (Feedback.attempt("grant:grantee", () -> policies.grantPolicy(user.actor(), who, policy))) {
            Feedback.info(policy == null ? who + " has no tag policy any more." : policy + " granted to " + who + ".");
        }
    }

    public PolicyView getEdited() {
        return edited;
    }

    public String getIdentity() {
        return identity;
    }

    public void setIdentity(String identity) {
        this.identity = identity;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isEditedEnabled() {
        return editedEnabled;
    }

    public void setEditedEnabled(boolean editedEnabled) {
        this.editedEnabled = editedEnabled;
    }

    public String getEditedDescription() {
        return editedDescription;
    }

    public void setEditedDescription(String editedDescription) {
        this.editedDescription = editedDescription;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }

    public String getGrantee() {
        return grantee;
    }

    public void setGrantee(String grantee) {
        this.grantee = grantee;
    }

    public String getGrantedPolicy() {
        return grantedPolicy;
    }

    public void setGrantedPolicy(String grantedPolicy) {
        this.grantedPolicy = grantedPolicy;
    }
}
