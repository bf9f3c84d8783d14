package org.openpchat.chat.application.policy;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.openpchat.chat.application.ChatServerSettings;
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

    @Inject
    private PolicyRepository repository;
    @Inject
    private PrincipalRepository principals;
    @Inject
    private ChatServerSettings settings;

    public ChatPolicy setPolicy(Actor actor, String identity, boolean enablePersistentChat, String description) {
        actor.requireAdministrator("manage policies and configuration");
        Scope scope = Scope.parse(identity);
        ChatPolicy policy = repository.policy(scope).orElse(null);
        if (policy == null) {
            policy = new ChatPolicy(scope, enablePersistentChat, description);
            repository.add(policy);
        } else {
            policy.enable(enablePersistentChat);
            if (description != null) {
                policy.describe(description);
            }
        }
        return policy;
    }

    public void removePolicy(Actor actor, String identity) {
        actor.requireAdministrator("manage policies and configuration");
        Scope scope = Scope.parse(identity);
        ChatPolicy policy = repository.policy(scope)
                .orElseThrow(() -> DomainException.notFound("no such policy: " + identity));
        repository.remove(policy);
    }

    public List<ChatPolicy> policies() {
        return repository.policies();
    }

    /** Grant-CsPersistentChatPolicy; a null tag takes the user back to site or global policy. */
    public void grantPolicy(Actor actor, String user, String tag) {
        actor.requireAdministrator("manage policies and configuration");
        if (tag != null && repository.policy(Scope.tag(tag)).isEmpty()) {
            throw DomainException.notFound("no such policy: tag:" + tag);
        }
        principal(user).grantPolicy(tag);
    }

    /** The policy that applies to a user: their tag, else their site's, else global. */
    public boolean persistentChatEnabledFor(String user) {
        Principal principal = principal(user);
        return ScopePrecedence.mostSpecific(repository.policies(), ChatPolicy::scope,
                        ScopePrecedence.applicable(principal.policyTag(), null, principal.site()))
                .map(ChatPolicy::enablePersistentChat)
                .orElse(false);
    }

    public ChatConfiguration setConfiguration(Actor actor, String identity, ConfigurationChange change) {
        actor.requireAdministrator("manage policies and configuration");
        Scope scope = Scope.parse(identity);
        ChatConfiguration configuration = repository.configuration(scope).orElse(null);
        if (configuration == null) {
            configuration = new ChatConfiguration(scope);
            repository.add(configuration);
        }
        change.applyTo(configuration);
        return configuration;
    }

    public void removeConfiguration(Actor actor, String identity) {
        actor.requireAdministrator("manage policies and configuration");
        ChatConfiguration configuration = repository.configuration(Scope.parse(identity))
                .orElseThrow(() -> DomainException.notFound("no such configuration: " + identity));
        repository.remove(configuration);
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

    private Principal principal(String user) {
        PrincipalId id = PrincipalId.user(user);
        return principals.find(id).orElseThrow(() -> DomainException.notFound("no such user: " + id));
    }
}
