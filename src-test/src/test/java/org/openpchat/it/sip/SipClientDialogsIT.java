package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openpchat.client.sip.ClientDialog;
import org.openpchat.client.sip.ReceivedRequest;
import org.openpchat.client.sip.SipClient;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.sip.app.EchoServlet;
import org.openpchat.it.sip.app.Greeting;
import org.openpchat.it.sip.app.LaterSender;
import org.openpchat.it.sip.app.SipItRows;

/** The SIP container driven by a JAIN-SIP client, over UDP and over TCP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipClientDialogsIT {

    private static final String ECHO = "sip:echo@127.0.0.1:5060";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.withSipApplication("sip-it", EchoServlet.class, SipItRows.class, LaterSender.class,
                Greeting.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void optionsAndRegister(String transport) {
        try (SipClient client = SipClient.start(transport)) {
            assertThat(client.send("OPTIONS", ECHO, Map.of(), null, null).header("X-Injected"))
                    .isEqualTo("hello-from-cdi");
            var registered = client.send("REGISTER", ECHO, Map.of(), null, null);
            assertThat(registered.status()).isEqualTo(200);
            assertThat(registered.header("Expires")).isEqualTo("3600");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void inviteInfoBothWaysAndBye(String transport) {
        try (SipClient client = SipClient.start(transport)) {
            ClientDialog dialog = client.invite(ECHO);
            assertThat(dialog.request("INFO", "text/plain", "ping").status()).isEqualTo(200);
            assertThat(dialog.requestWithoutBranch("INFO", "text/plain", "ping").status()).isEqualTo(200);

            assertThat(dialog.request("INFO", "text/plain", "echo:über " + transport).status()).isEqualTo(200);
            ReceivedRequest pushed = client.awaitRequest("INFO", Duration.ofSeconds(5));
            assertThat(pushed.body()).isEqualTo("über " + transport);
            assertThat(pushed.callId()).isEqualTo(dialog.callId());

            assertThat(dialog.bye().status()).isEqualTo(200);
            assertThat(dialog.request("INFO", "text/plain", "ping").status()).isEqualTo(481);
        }
    }
}
