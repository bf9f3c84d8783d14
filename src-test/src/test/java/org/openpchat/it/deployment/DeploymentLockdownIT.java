package org.openpchat.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.PchatDeployment;

/**
 * The deployment's open doors, tried from outside against the server as configure-domain.sh set it
 * up (the same script as for the run command): GlassFish administration without a password, the
 * broker with OpenMQ's default users, listeners on other interfaces than loopback, files others can
 * read, secrets in the log. Each is refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeploymentLockdownIT {

    private static final int HTTP = 8080;
    private static final int HTTPS = 8181;
    private static final String ADMIN_VERSION = "http://localhost:4848/management/domain/version";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    private static Path domain() {
        return Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1");
    }

    private static int admin(String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ADMIN_VERSION))
                .header("Accept", "application/json").header("X-Requested-By", "pchat-it").GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void glassFishAdministrationWantsTheGeneratedPassword() throws Exception {
        String password = System.getProperty("AS_ADMIN_PASSWORD");
        assertThat(password).as("the generated admin password (failsafe loads pchat-admin-password)")
                .hasSizeGreaterThanOrEqualTo(32);

        assertThat(admin(null, null)).as("without credentials").isEqualTo(401);
        assertThat(admin("admin", "")).as("GlassFish's shipped empty password").isEqualTo(401);
        assertThat(admin("admin", "admin")).isEqualTo(401);
        assertThat(admin("admin", password)).as("with the generated password").isEqualTo(200);
    }

    /** Every socket GlassFish has open on another address than loopback is one of the HTTP ports. */
    @Test
    void onlyHttpListensBeyondLoopback() throws Exception {
        long pid = Long.parseLong(Files.readString(domain().resolve("config/pid")).strip());
        ListeningSockets sockets = ListeningSockets.of(pid);

        for (int port : new int[] {4848, 3700, 7676}) {
            assertThat(sockets.listensOn(port)).as("GlassFish listens on %d: %s", port, sockets.sockets()).isTrue();
        }
        assertThat(sockets.listensOn(8686)).as("GlassFish's JMX connector is off: %s", sockets.sockets()).isFalse();
        assertThat(sockets.notLoopback()).as("sockets beyond loopback")
                .allMatch(s -> s.protocol().equals("tcp") && (s.port() == HTTP || s.port() == HTTPS));
    }

    /** Tried for real: from this machine's other addresses the closed ports refuse connections. */
    @Test
    void theClosedPortsRefuseConnectionsOnOtherAddresses() throws Exception {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(others::add);
            }
        }
        for (InetAddress address : others) {
            assertThat(connects(address, HTTP)).as("HTTP on %s (the check works)", address).isTrue();
            for (int port : new int[] {4848, 8686, 3700, 7676}) {
                assertThat(connects(address, port)).as("port %d on %s", port, address).isFalse();
            }
        }
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3000);
            return true;
        } catch (ConnectException refused) {
            return false;
        }
    }

    /**
     * OpenMQ's client from GlassFish's own installation, as an outsider on this machine would use
     * it: the shipped users admin/admin and guest/guest, and no user at all, are refused.
     */
    @Test
    void theBrokerRefusesItsDefaultUsers() throws Exception {
        File lib = new File(System.getProperty("glassfish.home"), "mq/lib");
        try (URLClassLoader mq = new URLClassLoader(new URL[] {new File(lib, "imq.jar").toURI().toURL()},
                getClass().getClassLoader())) {
            ConnectionFactory factory = (ConnectionFactory) mq.loadClass("com.sun.messaging.ConnectionFactory")
                    .getConstructor().newInstance();
            factory.getClass().getMethod("setProperty", String.class, String.class)
                    .invoke(factory, "imqAddressList", "mq://127.0.0.1:7676");
            for (String[] login : new String[][] {{"admin", "admin"}, {"guest", "guest"}}) {
                assertThatThrownBy(() -> {
                    try (Connection connection = factory.createConnection(login[0], login[1])) {
                        connection.start();
                    }
                }).as("broker login %s/%s", login[0], login[1]).isInstanceOf(JMSSecurityException.class);
            }
            assertThatThrownBy(() -> factory.createConnection().close()).as("no user (the client's guest default)")
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void theDomainsSecretsAndDataAreOwnerOnly() throws Exception {
        Path domain = domain();
        assertThat(mode(domain)).isEqualTo("rwx------");
        for (String folder : List.of("config", "data", "config/pchat-keys", "config/pchat-mq")) {
            assertThat(mode(domain.resolve(folder))).as(folder).isEqualTo("rwx------");
        }
        // domain.xml is not among the files: GlassFish rewrites it with the umask of whoever started
        // the server (here failsafe); the 0700 folders above keep it closed all the same
        for (String file : List.of("config/pchat-admin-password", "config/pchat-keys/compliance-hmac.key",
                "config/pchat-keys/digest-ha1.key", "config/pchat-mq/passwd", "config/pchat-mq/accesscontrol.properties",
                "config/domain-passwords", "config/keystore.jks", "config/admin-keyfile")) {
            assertThat(mode(domain.resolve(file))).as(file).isEqualTo("rw-------");
        }
        assertThat(Files.readString(domain.resolve("config/pchat-mq/passwd")))
                .doesNotContain("guest").contains("pchat:").contains("admin:")
                .doesNotContain("-2d5455c8583c24eec82c7a1e273ea02e"); // OpenMQ's admin/admin
        // the demo's compliance export, once the timer ran, writes into <domain>/compliance
        Path compliance = domain.resolve("compliance");
        if (Files.isDirectory(compliance)) {
            assertThat(mode(compliance)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(compliance)) {
                assertThat(files.toList()).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void theLogHoldsNoSecret() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(System.getProperty("AS_ADMIN_PASSWORD"), "Passw0rd!"));
        for (String key : List.of("compliance-hmac.key", "digest-ha1.key")) {
            secrets.add(Files.readString(domain().resolve("config/pchat-keys/" + key)).strip());
        }
        try (Stream<Path> logs = Files.list(domain().resolve("logs"))) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                String text = Files.readString(log, StandardCharsets.ISO_8859_1);
                assertThat(secrets).as("secrets in " + log).noneMatch(text::contains);
            }
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
