package org.openpchat.chat.application.compliance;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.EntityLocks;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.audit.Audit;
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

    private static final String WHAT = "manage the compliance configuration";

    @Inject
    private ComplianceConfigurationRepository repository;
    @Inject
    private ChatServerSettings settings;
    @Inject
    private EntityLocks locks;
    @Inject
    private Audit audit;
    @EJB
    private ComplianceExportScheduler scheduler;

    public ComplianceConfigurationService() {
    }

    /** Outside the container (tests): over this repository, exporting with this scheduler. */
    public ComplianceConfigurationService(ComplianceConfigurationRepository repository, ChatServerSettings settings,
            EntityLocks locks, Audit audit, ComplianceExportScheduler scheduler) {
        this.repository = repository;
        this.settings = settings;
        this.locks = locks;
        this.audit = audit;
        this.scheduler = scheduler;
    }

    /** New-CsPersistentChatComplianceConfiguration: a site or service configuration. */
    public ComplianceConfigurationView create(Actor actor, String identity, ComplianceConfigurationChange change) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        if (scope.kind() == Scope.Kind.GLOBAL || repository.find(scope).isPresent()) {
            throw DomainException.conflict("compliance configuration " + scope + " already exists");
        }
        ComplianceConfiguration configuration = new ComplianceConfiguration(scope);
        change.applyTo(configuration);
        repository.add(configuration);
        ComplianceConfigurationView created = ComplianceConfigurationView.of(configuration);
        audit.created(actor, "New-CsPersistentChatComplianceConfiguration", target(scope), created);
        return created;
    }

    /** Set-CsPersistentChatComplianceConfiguration; the global one is created on first change. */
    public ComplianceConfigurationView update(Actor actor, String identity, ComplianceConfigurationChange change,
            String expectedTag) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        ComplianceConfiguration configuration = repository.find(scope).map(locks::lockForUpdate).orElse(null);
        if (configuration == null && scope.kind() != Scope.Kind.GLOBAL) {
            throw DomainException.notFound("no such compliance configuration: " + identity);
        }
        ComplianceConfigurationView before = ComplianceConfigurationView.of(
                configuration == null ? new ComplianceConfiguration(scope) : configuration);
        ItemTags.require(expectedTag, before, "compliance configuration " + scope);
        if (configuration == null) {
            configuration = new ComplianceConfiguration(scope);
            repository.add(configuration);
        }
        change.applyTo(configuration);
        ComplianceConfigurationView after = ComplianceConfigurationView.of(configuration);
        audit.changed(actor, "Set-CsPersistentChatComplianceConfiguration", target(scope), before, after);
        return after;
    }

    /** Creates or changes a configuration in one call (the demo data and tests use it). */
    public ComplianceConfigurationView set(Actor actor, String identity, ComplianceConfigurationChange change) {
        Scope scope = Scope.parse(identity);
        if (scope.kind() != Scope.Kind.GLOBAL && repository.find(scope).isEmpty()) {
            return create(actor, identity, change);
        }
        return update(actor, identity, change, null);
    }

    /** Remove-CsPersistentChatComplianceConfiguration: the global one is reset to its defaults. */
    public void remove(Actor actor, String identity) {
        actor.requireAdministrator(WHAT);
        Scope scope = Scope.parse(identity);
        Optional<ComplianceConfiguration> stored = repository.find(scope).map(locks::lockForUpdate);
        if (stored.isEmpty() && scope.kind() != Scope.Kind.GLOBAL) {
            throw DomainException.notFound("no such compliance configuration: " + identity);
        }
        ComplianceConfigurationView before = ComplianceConfigurationView.of(
                stored.orElseGet(() -> new ComplianceConfiguration(scope)));
        stored.ifPresent(repository::remove);
        audit.changed(actor, "Remove-CsPersistentChatComplianceConfiguration", target(scope), before,
                scope.kind() == Scope.Kind.GLOBAL
                        ? ComplianceConfigurationView.of(new ComplianceConfiguration(scope)) : null);
    }

    public ComplianceConfigurationView view(Actor actor, String identity) {
        actor.requireAdministrator(WHAT);
        return view(Scope.parse(identity));
    }

    /** Every compliance configuration, the global one first (with its defaults when never set). */
    public List<ComplianceConfigurationView> views(Actor actor) {
        actor.requireAdministrator(WHAT);
        List<ComplianceConfigurationView> result = new ArrayList<>();
        result.add(view(Scope.GLOBAL));
        repository.all().stream().filter(c -> c.scope().kind() != Scope.Kind.GLOBAL)
                .map(ComplianceConfigurationView::of).forEach(result::add);
        return result;
    }

    /**
     * Exports every captured event not yet exported, now, with the named configuration's adapter;
     * returns how many. Reading the configuration and exporting are separate transactions.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int runNow(Actor actor, String identity) {
        actor.requireAdministrator("run the compliance export");
        ComplianceConfiguration configuration = repository.find(Scope.parse(identity))
                .orElseThrow(() -> DomainException.notFound("no such compliance configuration: " + identity));
        if (!configuration.exports()) {
            throw DomainException.conflict("compliance configuration " + identity + " has no adapter type: "
                    + "it captures events but does not export them");
        }
        return scheduler.runNow(AdapterConfig.of(configuration));
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

    private ComplianceConfigurationView view(Scope scope) {
        return repository.find(scope).map(ComplianceConfigurationView::of).orElseGet(() -> {
            if (scope.kind() != Scope.Kind.GLOBAL) {
                throw DomainException.notFound("no such compliance configuration: " + scope);
            }
            return ComplianceConfigurationView.of(new ComplianceConfiguration(scope));
        });
    }

    private static String target(Scope scope) {
        return "compliance-configuration:" + scope;
    }
}
