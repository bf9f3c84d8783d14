package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.ConfigurationChange;
import org.openpchat.chat.application.policy.ConfigurationView;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;

/** Persistent Chat policies and configuration with their scope precedence, stored in mgc. */
@ExtendWith(ArquillianExtension.class)
class PolicyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(PolicyIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/PolicyService")
    private PolicyService policies;

    private static final String SERVICE = "service:PersistentChatServer:localhost";

    private final Actor admin = Actor.administrator("it");
    private List<ConfigurationView> configurationsBefore;

    @BeforeEach
    void rememberTheConfigurations() {
        configurationsBefore = policies.configurationViews(admin);
    }

    /** Puts the global and this server's configuration back as they were before the test. */
    @AfterEach
    void restoreTheConfigurations() {
        restore("global");
        restore(SERVICE);
        assertThat(policies.configurationViews(admin)).containsExactlyInAnyOrderElementsOf(configurationsBefore);
    }

    private void restore(String identity) {
        boolean storedNow = identity.equals("global") || policies.configurationViews(admin).stream()
                .anyMatch(c -> c.identity().equals(identity));
        if (storedNow) {
            policies.removeConfiguration(admin, identity);
        }
        configurationsBefore.stream().filter(c -> c.identity().equals(identity)).findFirst()
                .ifPresent(before -> policies.setConfiguration(admin, identity, new ConfigurationChange(
                        before.defaultChatHistory(), before.maxFileSizeKB(), before.participantUpdateLimit(),
                        before.roomManagementUrl())));
    }

    @Test
    void tagBeatsSiteBeatsGlobal() {
        String site = Fixtures.unique("site");
        String tag = Fixtures.unique("tag");
        String user = Fixtures.unique("u") + "@example.com";
        directory.createUser(user, null, null, site);
        // the demo data enables the global policy
        assertThat(policies.persistentChatEnabledFor(user)).isTrue();

        policies.setPolicy(admin, "site:" + site, false, "site off");
        assertThat(policies.persistentChatEnabledFor(user)).isFalse();

        policies.setPolicy(admin, "tag:" + tag, true, "tag on");
        policies.grantPolicy(admin, user, tag);
        assertThat(policies.persistentChatEnabledFor(user)).isTrue();

        policies.grantPolicy(admin, user, null);
        assertThat(policies.persistentChatEnabledFor(user)).isFalse();
        policies.removePolicy(admin, "site:" + site);
        assertThat(policies.persistentChatEnabledFor(user)).isTrue();
    }

    @Test
    void grantingAMissingPolicyIsRefused() {
        String user = Fixtures.unique("u") + "@example.com";
        directory.createUser(user, null, null, null);
        assertThatThrownBy(() -> policies.grantPolicy(admin, user, "no-such-tag"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.NOT_FOUND));
        assertThatThrownBy(() -> policies.setPolicy(directory.actorFor(user), "global", false, null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.FORBIDDEN));
    }

    @Test
    void serviceConfigurationBeatsGlobalAndValuesAreChecked() {
        policies.setConfiguration(admin, "global", new ConfigurationChange(40, null, null, null));
        assertThat(policies.effectiveConfiguration().defaultChatHistory()).isEqualTo(40);

        // the test servers run as service localhost (PCHAT_SERVICE_FQDN's default)
        policies.setConfiguration(admin, SERVICE,
                new ConfigurationChange(25, 1000, 10, "https://rooms.example.com/manage"));
        assertThat(policies.effectiveConfiguration().defaultChatHistory()).isEqualTo(25);
        assertThat(policies.effectiveConfiguration().participantUpdateLimit()).isEqualTo(10);

        assertThatThrownBy(() -> policies.setConfiguration(admin, "global",
                new ConfigurationChange(501, null, null, null))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.INVALID));
        assertThat(policies.effectiveConfiguration().defaultChatHistory()).isEqualTo(25);

        policies.removeConfiguration(admin, SERVICE);
        policies.removeConfiguration(admin, "global");
        assertThat(policies.effectiveConfiguration().defaultChatHistory()).isEqualTo(30);
        assertThat(policies.effectiveConfiguration().maxFileSizeKb()).isEqualTo(20000);
    }
}
