package org.openpchat.it.xccos;

import java.time.Duration;

import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosSettings;

/**
 * The demo data the XCCOS tests rely on (domain, chat pool, the users' password) and clients of the
 * test server (system property {@code openpchat.it.sip}, default {@code 127.0.0.1:5060}).
 */
public final class Demo {

    public static final String DOMAIN = "example.com";
    public static final String POOL_URI = "sip:pchat@example.com";
    public static final String PASSWORD = "Passw0rd!";

    private Demo() {
    }

    /** The test server, TCP from loopback, 10 s timeouts. */
    public static XccosSettings server() {
        String hostPort = System.getProperty("openpchat.it.sip", "127.0.0.1:5060");
        int colon = hostPort.lastIndexOf(':');
        return XccosSettings.of(DOMAIN, hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** A client for {@code user} ({@code "alice"} or {@code "alice@example.com"}); nothing sent yet. */
    public static XccosClient connect(String user) {
        return XccosClient.connect(user, server());
    }

    /** Connect, REGISTER with the demo password (must give 200), INVITE the pool URI. */
    public static XccosClient login(String user) {
        XccosClient c = connect(user);
        try {
            ReceivedResponse r = c.register(PASSWORD);
            if (r.status() != 200) {
                throw new SipFailureException("REGISTER " + user, r);
            }
            c.invite(POOL_URI);
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Sleeps, so that whatever the server would still send arrives before counting. */
    public static void settle(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
