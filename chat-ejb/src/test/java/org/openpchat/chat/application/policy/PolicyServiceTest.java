package org.openpchat.chat.application.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.ItemTags;
import org.openpchat.chat.application.StaleItemException;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.shared.DomainException.Reason;

/**
 * Policies and configurations: the global ones always exist with Lync's defaults, the others are
 * created and removed; what applies to a user and to this server; administrators only, audited.
 */
class PolicyServiceTest {

    private static final ConfigurationChange NO_CHANGE = new ConfigurationChange(null, null, null, null);
    private static final ConfigurationView GLOBAL_DEFAULTS = new ConfigurationView("global", 30, 20000, 75, null);

    private final InMemoryChatServer server = new InMemoryChatServer();
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
    private final PolicyService service = new PolicyService(server.policyRepository, server.principals,
            berlinServer, server.locks, server.audit);
    private final Actor admin = server.admin;

    @Test
    void theGlobalPolicyExistsWithItsDefaultsUntilSet() {
        assertThat(service.policy(admin, "Global")).isEqualTo(new PolicyView("global", false, null));
        assertThat(service.policyViews(admin)).containsExactly(new PolicyView("global", false, null));
        assertThat(service.policies()).isEmpty();

        PolicyView set = service.setPolicy(admin, "global", true, "on for all");

        assertThat(set).isEqualTo(new PolicyView("global", true, "on for all"));
        assertThat(service.policy(admin, "global")).isEqualTo(set);
        assertThat(service.policies()).hasSize(1);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "Set-CsPersistentChatPolicy",
                "policy:global", new PolicyView("global", false, null), set));
    }

    @Test
    void siteAndTagPoliciesAreCreatedOnceAndOnlyThere() {
        PolicyView created = service.createPolicy(admin, "site:Berlin", true, "Berlin chats");

        assertThat(created).isEqualTo(new PolicyView("site:Berlin", true, "Berlin chats"));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test", "New-CsPersistentChatPolicy",
                "policy:site:Berlin", null, created));
        assertThatThrownBy(() -> service.createPolicy(admin, "site:Berlin", false, null))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessage("policy site:Berlin already exists");
        assertThatThrownBy(() -> service.createPolicy(admin, "global", false, null))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThat(service.policyViews(admin)).containsExactly(new PolicyView("global", false, null), created);
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        PolicyView created = service.createPolicy(admin, "tag:traders", true, "traders");

        PolicyView described = service.updatePolicy(admin, "tag:traders", null, "desks", ItemTags.of(created));
        assertThat(described).isEqualTo(new PolicyView("tag:traders", true, "desks"));
        PolicyView disabled = service.setPolicy(admin, "tag:traders", false, "desks");
        assertThat(disabled.enablePersistentChat()).isFalse();
        assertThat(server.auditLog.entries()).element(1).isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatPolicy", "policy:tag:traders", created, described));
        assertThat(server.locks.locked()).hasSize(2);

        assertThatThrownBy(() -> service.updatePolicy(admin, "tag:traders", true, null, ItemTags.of(created)))
                .isInstanceOf(StaleItemException.class);
        assertThatThrownBy(() -> service.updatePolicy(admin, "tag:nobody", true, null, null))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND).hasMessage("no such policy: tag:nobody");
        assertThat(service.policy(admin, "tag:traders").enablePersistentChat()).isFalse();
    }

    @Test
    void removingTheGlobalPolicyResetsItAndOthersGo() {
        PolicyView global = service.setPolicy(admin, "global", true, "on");
        assertThat(service.setPolicy(admin, "site:Berlin", true, null))
                .isEqualTo(new PolicyView("site:Berlin", true, null));
        assertThat(service.policyViews(admin)).as("the stored global policy once")
                .containsExactly(global, new PolicyView("site:Berlin", true, null));

        service.removePolicy(admin, "global");
        service.removePolicy(admin, "site:Berlin");

        assertThat(service.policy(admin, "global")).isEqualTo(new PolicyView("global", false, null));
        assertThat(service.policies()).isEmpty();
        assertThat(server.auditLog.entries()).element(2).isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatPolicy", "policy:global", global, new PolicyView("global", false, null)));
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatPolicy", "policy:site:Berlin", new PolicyView("site:Berlin", true, null),
                null));
        assertThatThrownBy(() -> service.removePolicy(admin, "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.policy(admin, "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        service.removePolicy(admin, "global");
        assertThat(server.auditLog.entries()).hasSize(5);
    }

    @Test
    void aTagStillGrantedIsRemovedOnlyWithForce() {
        service.createPolicy(admin, "tag:traders", true, null);
        Principal alice = server.principals.user("alice@example.com");
        service.grantPolicy(admin, "alice@example.com", "tag:traders");

        assertThatThrownBy(() -> service.removePolicy(admin, "tag:traders"))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT)
                .hasMessageContaining("is granted to 1 user(s)");
        assertThat(service.policies()).hasSize(1);

        service.removePolicy(admin, "tag:traders", true);
        assertThat(service.policies()).isEmpty();
        assertThat(alice.policyTag()).as("the grant stays, the user falls back").isEqualTo("traders");
        assertThat(service.persistentChatEnabledFor("alice@example.com")).isFalse();
    }

    @Test
    void anUngrantedTagIsRemovedWithoutForce() {
        service.createPolicy(admin, "tag:traders", true, null);

        service.removePolicy(admin, "tag:traders");

        assertThat(service.policies()).isEmpty();
    }

    @Test
    void grantsNameAnExistingTagPolicyOrNone() {
        service.createPolicy(admin, "tag:traders", true, null);
        Principal alice = server.principals.user("alice@example.com");

        service.grantPolicy(admin, "sip:alice@example.com", "traders");
        assertThat(alice.policyTag()).isEqualTo("traders");
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Grant-CsPersistentChatPolicy", "user:sip:alice@example.com", new PolicyService.Grant(null),
                new PolicyService.Grant("traders")));
        assertThat(server.locks.locked()).containsExactly(alice);

        assertThatThrownBy(() -> service.grantPolicy(admin, "alice@example.com", "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID);
        assertThatThrownBy(() -> service.grantPolicy(admin, "alice@example.com", "tag:nobody"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.grantPolicy(admin, "nobody@example.com", null))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND)
                .hasMessage("no such user: sip:nobody@example.com");
        assertThat(alice.policyTag()).isEqualTo("traders");

        service.grantPolicy(admin, "alice@example.com", " ");
        assertThat(alice.policyTag()).isNull();
    }

    @Test
    void aUsersTagBeatsTheirSiteWhichBeatsGlobal() {
        Principal alice = server.principals.user("alice@example.com");
        assertThat(service.persistentChatEnabledFor("alice@example.com")).as("Lync's default").isFalse();

        service.setPolicy(admin, "global", true, null);
        assertThat(service.persistentChatEnabledFor("alice@example.com")).isTrue();

        alice.homeOn("Berlin");
        service.setPolicy(admin, "site:Berlin", false, null);
        assertThat(service.persistentChatEnabledFor("alice@example.com")).isFalse();

        service.setPolicy(admin, "tag:traders", true, null);
        alice.grantPolicy("traders");
        assertThat(service.persistentChatEnabledFor("alice@example.com")).isTrue();
    }

    @Test
    void theGlobalConfigurationHasLyncsDefaultsAndIsCreatedOnFirstChange() {
        assertThat(service.configuration(admin, "global")).isEqualTo(GLOBAL_DEFAULTS);
        assertThat(service.configurationViews(admin)).containsExactly(GLOBAL_DEFAULTS);

        ConfigurationView changed = service.updateConfiguration(admin, "global",
                new ConfigurationChange(50, 100, 20, "https://rooms.example.com/"), ItemTags.of(GLOBAL_DEFAULTS));

        assertThat(changed).isEqualTo(new ConfigurationView("global", 50, 100, 20, "https://rooms.example.com/"));
        assertThat(service.configurations()).hasSize(1);
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test",
                "Set-CsPersistentChatConfiguration", "configuration:global", GLOBAL_DEFAULTS, changed));
        assertThatThrownBy(() -> service.updateConfiguration(admin, "global", NO_CHANGE,
                ItemTags.of(GLOBAL_DEFAULTS))).isInstanceOf(StaleItemException.class);
        assertThat(service.setConfiguration(admin, "global", new ConfigurationChange(60, null, null, null)))
                .isEqualTo(new ConfigurationView("global", 60, 100, 20, "https://rooms.example.com/"));
        assertThat(server.locks.locked()).hasSize(2);
    }

    @Test
    void siteAndServiceConfigurationsAreCreatedUpdatedAndRemoved() {
        ConfigurationView created = service.setConfiguration(admin, "site:Berlin",
                new ConfigurationChange(10, null, null, null));

        assertThat(created).isEqualTo(new ConfigurationView("site:Berlin", 10, 20000, 75, null));
        assertThat(server.auditLog.only()).isEqualTo(new Recorded("system:test",
                "New-CsPersistentChatConfiguration", "configuration:site:Berlin", null, created));
        assertThatThrownBy(() -> service.createConfiguration(admin, "site:Berlin", NO_CHANGE))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> service.createConfiguration(admin, "global", NO_CHANGE))
                .hasFieldOrPropertyWithValue("reason", Reason.CONFLICT);
        assertThatThrownBy(() -> service.updateConfiguration(admin, "site:Paris", NO_CHANGE, null))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThatThrownBy(() -> service.configuration(admin, "site:Paris"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
        assertThat(service.setConfiguration(admin, "site:Berlin", new ConfigurationChange(null, null, 5, null)))
                .isEqualTo(new ConfigurationView("site:Berlin", 10, 20000, 5, null));
        assertThat(service.configurationViews(admin)).extracting(ConfigurationView::identity)
                .containsExactly("global", "site:Berlin");
        service.setConfiguration(admin, "global", new ConfigurationChange(20, null, null, null));
        assertThat(service.configurationViews(admin)).extracting(ConfigurationView::defaultChatHistory)
                .as("the stored global configuration once").containsExactly(20, 10);

        service.removeConfiguration(admin, "site:Berlin");
        assertThat(service.configurations()).extracting(ChatConfiguration::scope).containsExactly(Scope.GLOBAL);
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatConfiguration", "configuration:site:Berlin",
                new ConfigurationView("site:Berlin", 10, 20000, 5, null), null));
        assertThatThrownBy(() -> service.removeConfiguration(admin, "site:Berlin"))
                .hasFieldOrPropertyWithValue("reason", Reason.NOT_FOUND);
    }

    @Test
    void removingTheGlobalConfigurationResetsIt() {
        ConfigurationView changed = service.setConfiguration(admin, "global", new ConfigurationChange(99, null,
                null, null));

        service.removeConfiguration(admin, "global");

        assertThat(service.configuration(admin, "global")).isEqualTo(GLOBAL_DEFAULTS);
        assertThat(server.auditLog.entries()).last().isEqualTo(new Recorded("system:test",
                "Remove-CsPersistentChatConfiguration", "configuration:global", changed, GLOBAL_DEFAULTS));
        service.removeConfiguration(admin, "global");
        assertThat(server.auditLog.entries()).last().extracting(Recorded::before).isEqualTo(GLOBAL_DEFAULTS);
    }

    @Test
    void thisServersConfigurationIsItsServicesElseItsSitesElseGlobal() {
        assertThat(service.effectiveConfiguration().scope()).isEqualTo(Scope.GLOBAL);
        assertThat(service.effectiveConfiguration().defaultChatHistory()).isEqualTo(30);

        service.setConfiguration(admin, "global", new ConfigurationChange(40, null, null, null));
        assertThat(service.effectiveConfiguration().defaultChatHistory()).isEqualTo(40);
        service.setConfiguration(admin, "site:Paris", new ConfigurationChange(45, null, null, null));
        service.setConfiguration(admin, "site:Berlin", new ConfigurationChange(50, null, null, null));
        assertThat(service.effectiveConfiguration().defaultChatHistory()).isEqualTo(50);
        service.setConfiguration(admin, "service:PersistentChatServer:pchat.example.com",
                new ConfigurationChange(60, null, null, null));
        ChatConfiguration effective = service.effectiveConfiguration();
        assertThat(effective.defaultChatHistory()).isEqualTo(60);
    }

    @Test
    void nobodyButAnAdministratorManagesPolicies() {
        Actor user = server.actor(server.user("alice"));

        assertThatThrownBy(() -> service.createPolicy(user, "tag:x", true, null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators manage policies and configuration");
        assertThatThrownBy(() -> service.updatePolicy(user, "global", true, null, null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.removePolicy(user, "global", true))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.policy(user, "global")).hasFieldOrPropertyWithValue("reason",
                Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.policyViews(user)).hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.grantPolicy(user, "alice@example.com", null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.createConfiguration(user, "site:x", NO_CHANGE))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.updateConfiguration(user, "global", NO_CHANGE, null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.removeConfiguration(user, "global"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.configuration(user, "global"))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThatThrownBy(() -> service.configurationViews(user))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN);
        assertThat(service.policies()).isEmpty();
        assertThat(service.configurations()).isEmpty();
        assertThat(server.auditLog.entries()).isEmpty();
    }

    @Test
    void policyObjectsAreWhatTheRepositoryHolds() {
        service.createPolicy(admin, "tag:traders", true, null);
        assertThat(service.policies()).extracting(ChatPolicy::scope).containsExactly(Scope.tag("traders"));
    }
}
