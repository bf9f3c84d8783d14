package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.compliance.InMemoryComplianceConfigurations;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/**
 * The compliance configuration cmdlets: a global configuration that exists with its defaults, site
 * and service ones, which applies to this server, and exporting now only where an adapter is set.
 */
class ComplianceConfigurationServiceTest {

    private static final ComplianceConfigurationView GLOBAL_DEFAULTS = new ComplianceConfigurationView("global",
            null, "XmlAdapter", null, "PT15M", false, false, false, false, null, true);
    private static final ComplianceConfigurationChange XML_TO_VAR = ComplianceConfigurationChange.none()
            .withAdapter("XmlAdapter", "Xml").withOutput("/var/compliance", Duration.ofMinutes(5));

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final InMemoryComplianceConfigurations repository = new InMemoryComplianceConfigurations();
    private final List<AdapterConfig> exports = new ArrayList<>();
    private final ComplianceExportScheduler scheduler = new ComplianceExportScheduler() {
        @Override
        public int runNow(AdapterConfig config) {
            exports.add(config);
            return 42;
        }
    };
    private final ChatServerSettings berlinServer = new ChatServerSettings() {
        @Override
        public String site() {
            return "Berlin";
        }

        @Override
        public String serviceFqdn() {
            return "pchat.example.com";
        }
    };
    private final ComplianceConfigurationService service = new ComplianceConfigurationService(repository,
            berlinServer, server.locks, server.audit, scheduler);
    private final Actor admin = server.admin;

    @Test
    void theGlobalConfigurationExistsWithItsDefaultsAndIsCreatedOnFirstChange() {
        assertThat(service.view(admin, "global")).isEqualTo(GLOBAL_DEFAULTS);
        assertThat(service.views(admin)).containsExactly(GLOBAL_DEFAULTS);
        assertThat(service.all()).isEmpty();

        ComplianceConfigurationView changed = service.update(admin, "global", XML_TO_VAR
                .withOptions(true, true, true, true).withCustomConfiguration("<xsl/>").withPurge(false),
                ItemTags.of(GLOBAL_DEFAULTS));

        assertThat(changed).isEqualTo(new ComplianceConfigurationView("global", "XmlAdapter", "Xml",
                "/var/compliance", "PT5M", true, true, true, true, "<xsl/>", false));
        assertThat(service.find("global")).isPresent();
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatComplianceConfiguration", "compliance-configuration:global", GLOBAL_DEFAULTS,
                changed));
        assertThatThrownBy(() -> service.update(admin, "global", ComplianceConfigurationChange.none(),
                ItemTags.of(GLOBAL_DEFAULTS))).isInstanceOf(StaleItemException.class);
        assertThat(service.set(admin, "global", ComplianceConfigurationChange.none().withPurge(true))
                .purgeAfterProcessing()).isTrue();
        assertThat(server.locks.locked()).hasSize(2);
    }

    @Test
    void aChangeLeavesWhatItDoesNotName() {
        service.set(admin, "global", XML_TO_VAR.withOptions(true, true, true, true).withCustomConfiguration("<x/>")
                .withPurge(false));

        ComplianceConfigurationView after = service.set(admin, "global", ComplianceConfigurationChange.none());

        assertThat(after).isEqualTo(new ComplianceConfigurationView("global", "XmlAdapter", "Xml", "/var/compliance",
                "PT5M", true, true, true, true, "<x/>", false));
    }

    @Test
    void siteAndServiceConfigurationsAreCreatedOnceAndRemoved() {
        ComplianceConfigurationView created = service.set(admin, "site:Berlin", XML_TO_VAR);

        assertThat(created).isEqualTo(new ComplianceConfigurationView("site:Berlin", "XmlAdapter", "Xml",
                "/var/compliance", "PT5M", false, false, false, false, null, true));
        assertThat(service.all()).extracting(ComplianceConfiguration::scope).containsExactly(Scope.site("Berlin"));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test",
                "New-CsPersistentChatComplianceConfiguration", "compliance-configuration:site:Berlin", null,
                created));
        assertThatThrownBy(() -> service.create(admin, "site:Berlin", XML_TO_VAR))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> service.create(admin, "global", XML_TO_VAR))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> service.update(admin, "site:Paris", XML_TO_VAR, null))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.view(admin, "site:Paris"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThat(service.set(admin, "site:Berlin", ComplianceConfigurationChange.none().withPurge(false))
                .purgeAfterProcessing()).isFalse();
        assertThat(service.views(admin)).extracting(ComplianceConfigurationView::identity)
                .containsExactly("global", "site:Berlin");
        service.set(admin, "global", XML_TO_VAR);
        assertThat(service.views(admin)).extracting(ComplianceConfigurationView::identity)
                .as("the stored global configuration once").containsExactly("global", "site:Berlin");

        ComplianceConfigurationView before = service.view(admin, "site:Berlin");
        service.remove(admin, "site:Berlin");
        assertThat(service.all()).extracting(ComplianceConfiguration::scope).containsExactly(Scope.GLOBAL);
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatComplianceConfiguration", "compliance-configuration:site:Berlin", before,
                null));
        assertThatThrownBy(() -> service.remove(admin, "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void removingTheGlobalConfigurationResetsIt() {
        ComplianceConfigurationView changed = service.set(admin, "global", XML_TO_VAR);

        service.remove(admin, "global");

        assertThat(service.view(admin, "global")).isEqualTo(GLOBAL_DEFAULTS);
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatComplianceConfiguration", "compliance-configuration:global", changed,
                GLOBAL_DEFAULTS));
        service.remove(admin, "global");
        assertThat(server.auditLog.entries()).last().extracting(Recorded::before).isEqualTo(GLOBAL_DEFAULTS);
    }

    @Test
    void thisServerExportsWithItsServicesElseItsSitesElseTheGlobalConfiguration() {
        assertThat(service.effective().scope()).isEqualTo(Scope.GLOBAL);
        assertThat(service.effectiveAdapterConfig()).as("no adapter: captured, not exported").isEmpty();

        service.set(admin, "global", XML_TO_VAR);
        assertThat(service.effectiveAdapterConfig()).map(AdapterConfig::outputDirectory)
                .contains(Path.of("/var/compliance"));
        service.set(admin, "site:Paris", XML_TO_VAR.withOutput("/paris", null));
        service.set(admin, "site:Berlin", XML_TO_VAR.withOutput("/berlin", null));
        assertThat(service.effective().scope()).isEqualTo(Scope.site("Berlin"));
        service.set(admin, "service:PersistentChatServer:pchat.example.com", ComplianceConfigurationChange.none());
        ComplianceConfiguration effective = service.effective();
        assertThat(effective.scope()).isEqualTo(Scope.service("pchat.example.com"));
        assertThat(service.effectiveAdapterConfig()).isEmpty();
    }

    @Test
    void exportingNowNeedsAnAdapter() {
        service.set(admin, "site:Berlin", ComplianceConfigurationChange.none());

        assertThatThrownBy(() -> service.runNow(admin, "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessageContaining("has no adapter type");
        assertThatThrownBy(() -> service.runNow(admin, "site:Paris"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThat(exports).isEmpty();

        service.set(admin, "site:Berlin", XML_TO_VAR);
        assertThat(service.runNow(admin, "site:Berlin")).isEqualTo(42);
        assertThat(exports).extracting(AdapterConfig::adapterName).containsExactly("Xml");
        assertThatThrownBy(() -> service.runNow(server.actor(server.user("alice")), "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators run the compliance export");
    }

    @Test
    void nobodyButAnAdministratorManagesIt() {
        Actor user = server.actor(server.user("alice"));
        ComplianceConfigurationChange none = ComplianceConfigurationChange.none();

        assertThatThrownBy(() -> service.create(user, "site:x", none)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN).hasMessage("only Persistent Chat administrators manage the compliance configuration");
        assertThatThrownBy(() -> service.update(user, "global", none, null)).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.remove(user, "global")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.view(user, "global")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.views(user)).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(service.all()).isEmpty();
        assertThat(server.auditLog.entries()).isEmpty();
    }
}
