package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.policy.PolicyService;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.it.PchatDeployment;

/**
 * A user whose Persistent Chat policy is off: provisioning says so and the chat INVITE is refused.
 * The user and policy are set up in the server through the application services (as PolicyIT
 * does); the SIP part runs in the test JVM ({@link XccosPolicyChecks}, kept out of this class so
 * that the class loads in the server without the SIP client).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class XccosPolicyIT {

    /** Fixed names (the client side cannot see what the server side made), set up idempotently. */
    static final String USER = "xccos-nochat@example.com";
    static final String TAG = "xccos-nochat";

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(XccosPolicyIT.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/PolicyService")
    private PolicyService policies;

    @Test
    @Order(1)
    void aUserWhosePolicyDisablesPersistentChat() {
        Actor admin = Actor.administrator("it");
        try {
            directory.find("sip:" + USER);
        } catch (DomainException notFound) {
            directory.createUser(USER, "No Chat", null, null);
        }
        directory.setPassword(USER, Demo.PASSWORD);
        policies.setPolicy(admin, "tag:" + TAG, false, "xccos IT: chat off");
        policies.grantPolicy(admin, USER, TAG);
        assertThat(policies.persistentChatEnabledFor(USER)).isFalse();
        assertThat(directory.verifyPassword(USER, Demo.PASSWORD)).isTrue();
    }

    @Test
    @Order(2)
    @RunAsClient
    void provisioningSaysDisabledWithoutPoolUriAndInviteGets403() {
        XccosPolicyChecks.disabledUser(USER);
    }

    @Test
    @Order(3)
    @RunAsClient
    void anEnabledUserIsStillProvisioned() {
        XccosPolicyChecks.enabledUser("erin");
    }
}
