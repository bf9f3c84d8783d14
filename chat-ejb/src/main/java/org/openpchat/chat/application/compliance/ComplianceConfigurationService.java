package org.openpchat.chat.application.compliance;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.compliance.ComplianceConfigurationRepository;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.policy.ScopePrecedence;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * The *-CsPersistentChatComplianceConfiguration cmdlets. Until an administrator sets one, the
 * global configuration has no adapter: events are captured but not exported.
 */
@Stateless
public class ComplianceConfigurationService {

    @Inject
    private ComplianceConfigurationRepository repository;
    @Inject
    private ChatServerSettings settings;

    public ComplianceConfiguration set(Actor actor, String identity, ComplianceConfigurationChange change) {
        actor.requireAdministrator("manage the compliance configuration");
        Scope scope = Scope.parse(identity);
        ComplianceConfiguration configuration = repository.find(scope).orElse(null);
        if (configuration == null) {
            configuration = new ComplianceConfiguration(scope);
            repository.add(configuration);
        }
        change.applyTo(configuration);
        return configuration;
    }

    public void remove(Actor actor, String identity) {
        actor.requireAdministrator("manage the compliance configuration");
        ComplianceConfiguration configuration = repository.find(Scope.parse(identity))
                .orElseThrow(() -> DomainException.notFound("no such compliance configuration: " + identity));
        repository.remove(configuration);
    }

    public List<ComplianceConfiguration> all() {
        return repository.all();
    }

    public Optional<ComplianceConfiguration> find(String identity) {
        return repository.find(Scope.parse(identity));
    }

    /** The configuration of this server: its service scope, else its site's, else global. */
    public ComplianceConfiguration effective() {
        return ScopePrecedence.mostSpecific(repository.all(), ComplianceConfiguration::scope,
                        ScopePrecedence.applicable(null, settings.serviceFqdn(), settings.site()))
                .orElseGet(() -> new ComplianceConfiguration(Scope.GLOBAL));
    }

    /** What the adapter of this server needs, or empty when exporting is off. */
    public Optional<AdapterConfig> effectiveAdapterConfig() {
        ComplianceConfiguration configuration = effective();
        return configuration.exports() ? Optional.of(AdapterConfig.of(configuration)) : Optional.empty();
    }
}
