package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.Fixtures;
import org.openpchat.it.api.Api;

/** The client-side (SIP) checks of {@link XccosPolicyIT}. */
final class XccosPolicyChecks {

    private XccosPolicyChecks() {
    }

    /**
     * A new user (demo password) granted a new tag policy that disables Persistent Chat, made
     * through the administration API; returns its name ({@code user@example.com}).
     */
    static String userWithChatOff() {
        Api admin = Api.admin();
        String user = Fixtures.unique("nochat") + "@example.com";
        String tag = Fixtures.unique("nochat");
        Api.Reply created = admin.post("users", "{\"uri\": \"sip:" + user + "\", \"displayName\": \"No Chat\","
                + " \"password\": \"" + Demo.PASSWORD + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Reply policy = admin.post("policies", "{\"identity\": \"tag:" + tag + "\","
                + " \"enablePersistentChat\": false, \"description\": \"xccos IT: chat off\"}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(201);
        Api.Reply granted = admin.put("users/sip:" + user + "/policy", "{\"policyName\": \"" + tag + "\"}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        return user;
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
