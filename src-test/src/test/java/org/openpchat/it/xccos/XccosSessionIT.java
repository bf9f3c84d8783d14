package org.openpchat.it.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.client.sip.ClientDialog;
import org.openpchat.client.sip.ReceivedRequest;
import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.DigestAuth;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;
import org.openpchat.it.PchatDeployment;

/**
 * The SIP side of the chat front end (contract: REGISTER with Digest, provisioning, chat dialogs,
 * SIP-level refusals), driven over TCP by the XCCOS client (chat-client).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class XccosSessionIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    // ------------------------------------------------------------------------- REGISTER

    @Test
    void registerWithoutCredentialsGets407WithAnMd5Challenge() {
        try (XccosClient alice = Demo.connect("alice")) {
            ReceivedResponse r = alice.register("alice", null, "sip:example.com", null);
            assertThat(r.status()).isEqualTo(407);
            Map<String, String> challenge = DigestAuth.parseChallenge(r.header("Proxy-Authenticate"));
            assertThat(challenge.get("scheme")).isEqualToIgnoringCase("Digest");
            assertThat(challenge).containsEntry("realm", "example.com").containsEntry("qop", "auth");
            assertThat(challenge.get("algorithm")).isEqualToIgnoringCase("MD5");
            assertThat(challenge.get("nonce")).isNotBlank();
        }
    }

    @Test
    void registerAnswersTheChallengeAndGets200WithWhatSipeNeeds() {
        try (XccosClient alice = Demo.connect("alice")) {
            ReceivedResponse r = alice.register("alice", Demo.PASSWORD, "sip:example.com", 120);
            assertThat(r.status()).as("REGISTER after the 407 (challenge %s)", alice.lastChallenge()).isEqualTo(200);
            assertThat(r.header("Expires")).isEqualTo("120");
            assertThat(r.header("Contact")).contains("expires=120");
            assertThat(r.headerValues("Supported")).contains("msrtc-event-categories");
            assertThat(String.join(",", r.headerValues("Allow-Events"))).contains(XccosClient.PROVISIONING_EVENT);
            assertThat(r.header("Warning")).as("authentication must be on in the tests").isNull();
        }
    }

    @Test
    void registerLikeSipeWithTheFullLoginAndUriNull() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register("alice@example.com", Demo.PASSWORD, "(null)", null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void registerExpiresIsCappedAndZeroDeregisters() {
        try (XccosClient bob = Demo.connect("bob")) {
            assertThat(bob.register("bob", Demo.PASSWORD, "sip:example.com", null).header("Expires"))
                    .isEqualTo("900");
            assertThat(bob.register("bob", Demo.PASSWORD, "sip:example.com", 10).header("Expires"))
                    .isEqualTo("60");
            assertThat(bob.register("bob", Demo.PASSWORD, "sip:example.com", 100_000).header("Expires"))
                    .isEqualTo("3600");
            assertThat(bob.register("bob", Demo.PASSWORD, "sip:example.com", 0).status()).isEqualTo(200);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGet403() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register("wrong-password").status()).isEqualTo(403);
        }
        try (XccosClient nobody = Demo.connect("nobody-" + System.nanoTime())) {
            assertThat(nobody.register(Demo.PASSWORD).status()).isEqualTo(403);
        }
    }

    @Test
    void digestUsernameMustMatchTheFromUser() {
        try (XccosClient bob = Demo.connect("bob")) {
            int status = bob.register("alice", Demo.PASSWORD, "sip:example.com", null).status();
            assertThat(status).as("REGISTER From bob with alice's credentials").isNotEqualTo(200)
                    .isBetween(400, 499);
        }
    }

    // ------------------------------------------------------------------------- provisioning

    @Test
    void provisioningEnablesPersistentChatWithThePoolUri() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            XccosClient.Provisioning p = alice.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.subscribeResponse().header("Expires")).isEqualTo("0");
            ReceivedRequest notify = p.notifyRequest();
            assertThat(notify.header("Event")).isEqualTo(XccosClient.PROVISIONING_EVENT);
            assertThat(notify.header("Content-Type")).startsWith(XccosClient.PROVISIONING_TYPE);
            assertThat(notify.header("From")).contains("sip:alice@example.com").contains("tag=");
            assertThat(p.enabled()).as("provisioning body %s", notify.body()).isTrue();
            assertThat(p.poolUri()).isEqualTo(Demo.POOL_URI);
        }
    }

    @Test
    void otherEventsGet489() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            assertThat(alice.subscribe("presence").subscribeResponse().status()).isEqualTo(489);
        }
    }

    @Test
    void subscribeFromAnUntrustedFlowNeedsCredentials() {
        try (XccosClient carol = Demo.connect("carol")) {
            assertThat(carol.subscribeProvisioning().subscribeResponse().status()).isEqualTo(407);
            carol.password(Demo.PASSWORD);
            XccosClient.Provisioning p = carol.subscribeProvisioning();
            assertThat(p.subscribeResponse().status()).isEqualTo(200);
            assertThat(p.enabled()).isTrue();
        }
    }

    // ------------------------------------------------------------------------- chat dialogs

    @Test
    void inviteGets200WithToTagContactAndSessionExpires() {
        try (XccosClient alice = Demo.login("alice")) {
            ClientDialog d = alice.dialog();
            ReceivedResponse ok = d.inviteResponse();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(d.remoteTag()).isNotBlank();
            assertThat(ok.header("To")).contains(Demo.POOL_URI);
            assertThat(ok.header("Contact")).isNotBlank();
            assertThat(ok.header("Session-Expires")).isNotNull();
            assertThat(ok.header("Session-Expires").replace(" ", "")).isEqualTo("600;refresher=uac");
            assertThat(ok.body()).isEmpty();
        }
    }

    @Test
    void inviteFromAnUntrustedFlowGets407ThenAcceptsCredentials() {
        try (XccosClient carol = Demo.connect("carol")) {
            assertThatThrownBy(() -> carol.invite(Demo.POOL_URI)).isInstanceOfSatisfying(
                    SipFailureException.class, e -> assertThat(e.response().status()).isEqualTo(407));
            carol.password(Demo.PASSWORD);
            assertThat(carol.invite(Demo.POOL_URI).inviteResponse().status()).isEqualTo(200);
            assertThat(carol.requri().ok()).isTrue();
        }
    }

    @Test
    void aRegisteredFlowIsTrustedUntilItsRegistrationEndsWithExpiresZero() {
        try (XccosClient stays = Demo.connect("carol"); XccosClient leaves = Demo.connect("carol")) {
            assertThat(stays.register(Demo.PASSWORD).status()).isEqualTo(200);
            stays.password(null);
            assertThat(stays.invite(Demo.POOL_URI).inviteResponse().status())
                    .as("an INVITE without credentials on the registered connection").isEqualTo(200);

            assertThat(leaves.register(Demo.PASSWORD).status()).isEqualTo(200);
            ReceivedResponse signedOut = leaves.unregister();
            assertThat(signedOut.status()).isEqualTo(200);
            assertThat(signedOut.header("Expires")).isEqualTo("0");
            leaves.password(null);
            assertThatThrownBy(() -> leaves.invite(Demo.POOL_URI)).isInstanceOfSatisfying(SipFailureException.class,
                    e -> assertThat(e.response().status()).isEqualTo(407));
        }
    }

    @Test
    void serverInfosComeFromTheInvitedUriInTheDialog() {
        try (XccosClient alice = Demo.login("alice")) {
            XccosClient.Sent sent = alice.send("requri", "");
            assertThat(sent.sip().status()).isEqualTo(200);
            assertThat(sent.sip().body()).isEmpty();
            alice.awaitReplyTo(sent.envid());
            XccosClient.Inbound in = alice.inbox().get(0);
            ReceivedRequest info = in.request();
            ClientDialog d = alice.dialog();
            assertThat(info.callId()).isEqualTo(d.callId());
            assertThat(info.header("Content-Type").replace(" ", "").toLowerCase(Locale.ROOT))
                    .isEqualTo("text/plain;charset=utf-8");
            assertThat(info.header("From")).contains("<" + Demo.POOL_URI + ">")
                    .contains("tag=" + d.remoteTag());
            assertThat(info.header("To")).contains("sip:alice@example.com").contains("tag=" + d.localTag());
            assertThat(info.body()).contains("xmlns=\"urn:parlano:xml:ns:xccos\"").contains("ver=\"1\"");
            assertThat(in.envelope().envid()).isNotBlank();
        }
    }

    @Test
    void ocschatIsAcceptedAndServerInfosComeFromIt() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            alice.invite("sip:ocschat@example.com");
            assertThat(alice.requri().ok()).isTrue();
            assertThat(alice.inbox().get(0).request().header("From")).contains("<sip:ocschat@example.com>");
        }
    }

    @Test
    void updateAndByeGet200ThenTheDialogIsGone() {
        try (XccosClient alice = Demo.login("alice")) {
            assertThat(alice.update().status()).isEqualTo(200);
            assertThat(alice.bye().status()).isEqualTo(200);
            assertThat(alice.info(XccosXml.command(alice.nextEnvid(), "requri", "1", "")).status()).isEqualTo(481);
            assertThat(alice.update().status()).isEqualTo(481);
            alice.dropDialog();
        }
    }

    @Test
    void requestsOnAnUnknownDialogGet481() {
        try (XccosClient alice = Demo.connect("alice")) {
            assertThat(alice.register(Demo.PASSWORD).status()).isEqualTo(200);
            ClientDialog forged = alice.sip().dialogOf("no-such-dialog-" + System.nanoTime() + "@127.0.0.1",
                    "localtag", "remotetag", Demo.POOL_URI);
            assertThat(forged.request("INFO", "text/plain", XccosXml.command("1", "requri", "1", "")).status())
                    .isEqualTo(481);
            assertThat(forged.request("UPDATE", null, null).status()).isEqualTo(481);
            assertThat(forged.request("BYE", null, null).status()).isEqualTo(481);
        }
    }

    @Test
    void malformedXmlNoXccosRootAndDtdsGetSip400() {
        try (XccosClient alice = Demo.login("alice")) {
            assertThat(alice.info("<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd")
                    .status()).isEqualTo(400);
            assertThat(alice.info("<notxccos ver=\"1\"/>").status()).isEqualTo(400);
            assertThat(alice.info("plain text, not XML").status()).isEqualTo(400);
            assertThat(alice.info("<!DOCTYPE xccos [<!ENTITY e \"x\">]><xccos ver=\"1\" envid=\"1\""
                    + " xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:requri\" seqid=\"1\"><data/></cmd></xccos>")
                    .status()).isEqualTo(400);
            // the dialog still works
            assertThat(alice.requri().ok()).isTrue();
        }
    }

    @Test
    void bodyOver64KibGets413() {
        try (XccosClient alice = Demo.login("alice")) {
            String big = XccosXml.command(alice.nextEnvid(), "requri", "1", "<pad v=\"" + "x".repeat(66_000) + "\"/>");
            assertThat(big.length()).isGreaterThan(64 * 1024);
            assertThat(alice.info(big).status()).isEqualTo(413);
        }
    }

    @Test
    void anyCharsetOfTextPlainIsAccepted() {
        try (XccosClient alice = Demo.login("alice")) {
            String envid = alice.nextEnvid();
            assertThat(alice.info(XccosXml.command(envid, "requri", "9", ""), "text/plain; charset=UTF-8").status())
                    .isEqualTo(200);
            assertThat(alice.awaitReplyTo(envid).ok()).isTrue();
        }
    }
}
