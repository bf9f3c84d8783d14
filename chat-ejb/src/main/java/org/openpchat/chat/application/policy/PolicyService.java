package org.openpchat.chat.application.policy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.PolicyRepository;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.policy.ScopePrecedence;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalRepository;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Persistent Chat policies (who may use it) and configurations (how the server behaves). The
 * global ones always exist: until an administrator sets them they have Lync's defaults
 * (EnablePersistentChat off; history 30, file size 20000 KB, roster limit 75), and removing them
 * resets them.
 */
@Stateless
public class PolicyService {

    private static final String WHAT = "manage policies and configuration";

    @Inject
    private PolicyRepository repository;
    @Inject
    private PrincipalRepository principals;
    @Inject
    private ChatServerSettings settings;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;

    public PolicyService() {
    }

    /** Outside the container (tests): over these repositories. */
    public PolicyService(PolicyRepository repository, PrincipalRepository principals, ChatServerSettings settings,
            EntityLocks locks, Audit audit) {
        this.repository = repository;
        this.principals = principals;
        this.settings = settings;
        this.locks = locks;
        this.audit = audit;
    }

    /** New-CsPersistentChatPolicy: a site or tag policy; the global one always exists. */
    public PolicyView createPolicy(Actor actor, String identity, boolean enablePersistentChat, String description) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        if (scope.kind() == Scope.Kind.GLOBAL || repository.policy(scope).isPresent()) {
            throw DomainException.conflict("policy " + scope + " already exists");
        }
        ChatPolicy policy = new ChatPolicy(scope, enablePersistentChat, description);
        repository.add(policy);
        PolicyView created = PolicyView.of(policy);
        audit.created(actor, "New-CsPersistentChatPolicy", "policy:" + scope, created);
        return created;
    }

    /** Set-CsPersistentChatPolicy; null values stay as they are. */
    public PolicyView updatePolicy(Actor actor, String identity, Boolean enablePersistentChat, String description,
            String expectedTag) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        PolicyView before = policyView(scope);
        ItemTags.require(expectedTag, before, "policy " + scope);
        ChatPolicy policy = repository.policy(scope).map(locks::lockForUpdate).orElse(null);
        if (policy == null) {
            policy = new ChatPolicy(scope, before.enablePersistentChat(), before.description());
            repository.add(policy);
        }
        if (enablePersistentChat != null) {
            policy.enable(enablePersistentChat);
        }
        if (description != null) {
            policy.describe(description);
        }
        PolicyView after = PolicyView.of(policy);
        audit.changed(actor, "Set-CsPersistentChatPolicy", "policy:" + scope, before, after);
        return after;
    }

    /** Creates or changes a policy in one call (the demo data and tests use it). */
    public PolicyView setPolicy(Actor actor, String identity, boolean enablePersistentChat, String description) {
        Scope scope = Scope.parse(identity);
        if (scope.kind() != Scope.Kind.GLOBAL && repository.policy(scope).isEmpty()) {
            return createPolicy(actor, identity, enablePersistentChat, description);
        }
        return updatePolicy(actor, identity, enablePersistentChat, description, null);
    }

    /**
     * Remove-CsPersistentChatPolicy: the global policy is reset to its defaults; a tag still
     * granted to users is removed only when forced (they fall back to site or global policy).
     */
    public void removePolicy(Actor actor, String identity, boolean force) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        Optional<ChatPolicy> stored = repository.policy(scope).map(locks::lockForUpdate);
        if (stored.isEmpty() && scope.kind() != Scope.Kind.GLOBAL) {
            throw DomainException.notFound("no such policy: " + identity);
        }
        if (scope.kind() == Scope.Kind.TAG && !force) {
            long granted = principals.countWithPolicy(scope.name());
            if (granted > 0) {
                throw DomainException.conflict("policy " + scope + " is granted to " + granted
                        + " user(s); remove it with force to let them fall back");
            }
        }
        PolicyView before = policyView(scope);
        stored.ifPresent(repository::remove);
        audit.changed(actor, "Remove-CsPersistentChatPolicy", "policy:" + scope, before,
                scope.kind() == Scope.Kind.GLOBAL ? defaultGlobalPolicy() : null);
    }

    public void removePolicy(Actor actor, String identity) {
        removePolicy(actor, identity, false);
    }

    public PolicyView policy(Actor actor, String identity) {
        actor.requireAdministrator(WHAT);
        return policyView(Scope.parse(identity));
    }

    /** Every policy, the global one first (with its defaults when never set). */
    public List<PolicyView> policyViews(Actor actor) {
        actor.requireAdministrator(WHAT);
        List<PolicyView> result = new ArrayList<>();
        result.add(policyView(Scope.GLOBAL));
        repository.policies().stream().filter(p -> p.scope().kind() != Scope.Kind.GLOBAL).map(PolicyView::of)
                .forEach(result::add);
        return result;
    }

    public List<ChatPolicy> policies() {
        return repository.policies();
    }

    /** Grant-CsPersistentChatPolicy; a null tag takes the user back to site or global policy. */
    public void grantPolicy(Actor actor, String user, String tag) {
        actor.requireAdministrator(WHAT);
        String policyName = null;
        if (tag != null && !tag.isBlank()) {
            Scope scope = Scope.parse(tag);
            if (scope.kind() != Scope.Kind.TAG) {
                throw DomainException.invalid("only a per-user (tag) policy can be granted: " + tag);
            }
            policyName = scope.name();
        }
        if (policyName != null && repository.policy(Scope.tag(policyName)).isEmpty()) {
            throw DomainException.notFound("no such policy: tag:" + policyName);
        }
        Principal principal = locks.lockForUpdate(principal(user));
        String before = principal.policyTag();
        principal.grantPolicy(policyName);
        audit.changed(actor, "Grant-CsPersistentChatPolicy", "user:" + principal.principalId(),
                new Grant(before), new Grant(policyName));
    }

    /** The policy that applies to a user: their tag, else their site's, else global. */
    public boolean persistentChatEnabledFor(String user) {
        Principal principal = principal(user);
        return ScopePrecedence.mostSpecific(repository.policies(), ChatPolicy::scope,
                        ScopePrecedence.applicable(principal.policyTag(), null, principal.site()))
                .map(ChatPolicy::enablePersistentChat)
                .orElse(false);
    }

    /** New-CsPersistentChatConfiguration: a site or service configuration. */
    public ConfigurationView createConfiguration(Actor actor, String identity, ConfigurationChange change) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        if (scope.kind() == Scope.Kind.GLOBAL || repository.configuration(scope).isPresent()) {
            throw DomainException.conflict("configuration " + scope + " already exists");
        }
        ChatConfiguration configuration = new ChatConfiguration(scope);
        change.applyTo(configuration);
        repository.add(configuration);
        ConfigurationView created = ConfigurationView.of(configuration);
        audit.created(actor, "New-CsPersistentChatConfiguration", "configuration:" + scope, created);
        return created;
    }

    /** Set-CsPersistentChatConfiguration; the global configuration is created on first change. */
    public ConfigurationView updateConfiguration(Actor actor, String identity, ConfigurationChange change,
            String expectedTag) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        ChatConfiguration configuration = repository.configuration(scope).map(locks::lockForUpdate).orElse(null);
        if (configuration == null && scope.kind() != Scope.Kind.GLOBAL) {
            throw DomainException.notFound("no such configuration: " + identity);
        }
        ConfigurationView before = configuration == null ? defaultConfiguration(scope)
                : ConfigurationView.of(configuration);
        ItemTags.require(expectedTag, before, "configuration " + scope);
        if (configuration == null) {
            configuration = new ChatConfiguration(scope);
            repository.add(configuration);
        }
        change.applyTo(configuration);
        ConfigurationView after = ConfigurationView.of(configuration);
        audit.changed(actor, "Set-CsPersistentChatConfiguration", "configuration:" + scope, before, after);
        return after;
    }

    /** Creates or changes a configuration in one call (tests use it). */
    public ConfigurationView setConfiguration(Actor actor, String identity, ConfigurationChange change) {
        Scope scope = Scope.parse(identity);
        if (scope.kind() != Scope.Kind.GLOBAL && repository.configuration(scope).isEmpty()) {
            return createConfiguration(actor, identity, change);
        }
        return updateConfiguration(actor, identity, change, null);
    }

    /** Remove-CsPersistentChatConfiguration: the global configuration is reset to its defaults. */
    public void removeConfiguration(Actor actor, String identity) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        Optional<ChatConfiguration> stored = repository.configuration(scope).map(locks::lockForUpdate);
        if (stored.isEmpty() && scope.kind() != Scope.Kind.GLOBAL) {
            throw DomainException.notFound("no such configuration: " + identity);
        }
        ConfigurationView before = stored.map(ConfigurationView::of).orElse(defaultConfiguration(scope));
        stored.ifPresent(repository::remove);
        audit.changed(actor, "Remove-CsPersistentChatConfiguration", "configuration:" + scope, before,
                scope.kind() == Scope.Kind.GLOBAL ? defaultConfiguration(scope) : null);
    }

    public ConfigurationView configuration(Actor actor, String identity) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        return repository.configuration(scope).map(ConfigurationView::of).orElseGet(() -> {
            if (scope.kind() != Scope.Kind.GLOBAL) {
                throw DomainException.notFound("no such configuration: " + identity);
            }
            return defaultConfiguration(scope);
        });
    }

    /** Every configuration, the global one first (with its defaults when never set). */
    public List<ConfigurationView> configurationViews(Actor actor) {
        actor.requireAdministrator(WHAT);
        List<ConfigurationView> result = new ArrayList<>();
        result.add(configuration(actor, "global"));
        repository.configurations().stream().filter(c -> c.scope().kind() != Scope.Kind.GLOBAL)
                .map(ConfigurationView::of).forEach(result::add);
        return result;
    }

    public List<ChatConfiguration> configurations() {
        return repository.configurations();
    }

    /** The configuration of this server: its service scope, else its site's, else global. */
    public ChatConfiguration effectiveConfiguration() {
        return ScopePrecedence.mostSpecific(repository.configurations(), ChatConfiguration::scope,
                        ScopePrecedence.applicable(null, settings.serviceFqdn(), settings.site()))
                .orElseGet(() -> new ChatConfiguration(Scope.GLOBAL));
    }

    /** The RoomManagementUrl clients are provisioned with: the effective configuration's, else this server's page. */
    public String roomManagementUrl() {
        return effectiveConfiguration().roomManagementUrlOr(settings.roomManagementPage());
    }

    private PolicyView policyView(Scope scope) {
        return repository.policy(scope).map(PolicyView::of).orElseGet(() -> {
            if (scope.kind() != Scope.Kind.GLOBAL) {
                throw DomainException.notFound("no such policy: " + scope);
            }
            return defaultGlobalPolicy();
        });
    }

    private static PolicyView defaultGlobalPolicy() {
        return new PolicyView(Scope.GLOBAL.identity(), false, null);
    }

    private static ConfigurationView defaultConfiguration(Scope scope) {
        return ConfigurationView.of(new ChatConfiguration(scope));
    }

    private Principal principal(String user) {
        PrincipalId id = PrincipalId.user(user);
        return principals.find(id).orElseThrow(() -> DomainException.notFound("no such user: " + id));
    }

    /** What the audit log shows of a grant. */
    public record Grant(String policy) implements java.io.Serializable {
    }
}
