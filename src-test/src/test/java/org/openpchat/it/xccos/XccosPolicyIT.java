package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;

/**
 * A user whose Persistent Chat policy is off: the policy decides in the server, provisioning says
 * so and the chat INVITE is refused. Each test makes its own user and policy: the in-server one
 * through the application services (as PolicyIT does), the client ones through the administration
 * API in the test JVM ({@link XccosPolicyChecks}, kept out of this class so that the class loads in
 * the server without the SIP client).
 */
@ExtendWith(ArquillianExtension.class)
class XccosPolicyIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(XccosPolicyIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/PolicyService")
    private PolicyService policies;

    @Test
    void aTagPolicyThatDisablesPersistentChatBindsTheUserItIsGrantedTo() {
        Actor admin = Actor.administrator("it");
        String user = Fixtures.unique("nochat") + "@example.com";
        String tag = Fixtures.unique("nochat");
        directory.createUser(user, "No Chat", null, null);
        assertThat(policies.persistentChatEnabledFor(user)).isTrue();
        policies.setPolicy(admin, "tag:" + tag, false, "xccos IT: chat off");
        policies.grantPolicy(admin, user, tag);
        assertThat(policies.persistentChatEnabledFor(user)).isFalse();
    }

    @Test
    @RunAsClient
    void provisioningSaysDisabledWithoutPoolUriAndInviteGets403() {
        XccosPolicyChecks.disabledUser(XccosPolicyChecks.userWithChatOff());
    }

    @Test
    @RunAsClient
    void anEnabledUserIsStillProvisioned() {
        XccosPolicyChecks.enabledUser("erin");
    }
}
