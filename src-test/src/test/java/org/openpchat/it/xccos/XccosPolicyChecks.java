package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.openpchat.it.sip.client.SipFailureException;

/** The client-side (SIP) checks of {@link XccosPolicyIT}. */
final class XccosPolicyChecks {

    private XccosPolicyChecks() {
    }

    static void disabledUser(String user) {
        try (XccosClient c = XccosClient.connect(user)) {
            assertThat(c.register(XccosClient.DEMO_PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning p = c.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.notifyRequest()).isNotNull();
            assertThat(p.persistentChatConfiguration()).as("provisioning body %s", p.notifyRequest().body())
                    .containsEntry("EnablePersistentChat", "false")
                    .doesNotContainKey("DefaultPersistentChatPoolUri");
            assertThatThrownBy(() -> c.invite(XccosClient.POOL_URI)).isInstanceOfSatisfying(SipFailureException.class,
                    e -> {
                        assertThat(e.response().status()).isEqualTo(403);
                        assertThat(e.response().reason()).containsIgnoringCase("Persistent Chat is disabled");
                    });
        }
    }

    static void enabledUser(String user) {
        try (XccosClient c = XccosClient.connect(user)) {
            assertThat(c.register(XccosClient.DEMO_PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning p = c.subscribeProvisioning();
            assertThat(p.enabled()).isTrue();
            assertThat(p.poolUri()).isEqualTo(XccosClient.POOL_URI);
            assertThat(c.invite(p.poolUri()).inviteResponse().status()).isEqualTo(200);
        }
    }
}
