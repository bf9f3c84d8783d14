package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.XccosClient;

/** The client-side (SIP) checks of {@link XccosPolicyIT}. */
final class XccosPolicyChecks {

    private XccosPolicyChecks() {
    }

    static void disabledUser(String user) {
        try (XccosClient c = Demo.connect(user)) {
            assertThat(c.register(Demo.PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning p = c.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.notifyRequest()).isNotNull();
            assertThat(p.persistentChatConfiguration()).as("provisioning body %s", p.notifyRequest().body())
                    .containsEntry("EnablePersistentChat", "false")
                    .doesNotContainKey("DefaultPersistentChatPoolUri");
            assertThatThrownBy(() -> c.invite(Demo.POOL_URI)).isInstanceOfSatisfying(SipFailureException.class,
                    e -> {
                        assertThat(e.response().status()).isEqualTo(403);
                        assertThat(e.response().reason()).containsIgnoringCase("Persistent Chat is disabled");
                    });
        }
    }

    static void enabledUser(String user) {
        try (XccosClient c = Demo.connect(user)) {
            assertThat(c.register(Demo.PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning p = c.subscribeProvisioning();
            assertThat(p.enabled()).isTrue();
            assertThat(p.poolUri()).isEqualTo(Demo.POOL_URI);
            assertThat(c.invite(p.poolUri()).inviteResponse().status()).isEqualTo(200);
        }
    }
}
