package org.openpchat.it.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpchat.it.PchatDeployment;
import org.openpchat.it.sip.SipTortureCases.Case;
import org.openpchat.it.sip.SipTortureCases.Outcome;

/**
 * Malformed and odd SIP messages ({@link SipTortureCases}) sent over UDP and TCP to the server as
 * it ships. Each gets what its case says (an answer of the right class, or nothing where
 * JAIN-SIP drops the message before the container sees it); after each the server still answers
 * an OPTIONS on a fresh socket, and what the case made the server log holds no stack trace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SipTortureIT {

    /** How long a message the server drops is given to be answered all the same. */
    private static final int SILENCE_MILLIS = 1000;
    private static final int ANSWER_MILLIS = 5000;
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w$.<>/]+\\(.*\\)\\s*$|^Caused by: ");

    private static ServerLog log;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @BeforeAll
    static void markTheLog() throws IOException {
        log = new ServerLog();
    }

    @AfterAll
    static void nothingLateInTheLog() throws Exception {
        Thread.sleep(500);
        assertThat(stackTraces(log.since())).as("stack traces logged after the last case").isEmpty();
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Case c : SipTortureCases.all()) {
            if (c.udp() != null) {
                all.add(Arguments.of("UDP", c));
            }
            if (c.tcp() != null) {
                all.add(Arguments.of("TCP", c));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void theServerAnswersAsTheCaseSaysAndLivesOn(String transport, Case torture) throws Exception {
        Outcome expected = "UDP".equals(transport) ? torture.udp() : torture.tcp();
        int wait = expected == Outcome.DROPPED ? SILENCE_MILLIS : ANSWER_MILLIS;
        String answer = "UDP".equals(transport) ? udp(torture.message(), wait) : tcp(torture.message(), wait);

        System.out.println("SipTortureIT " + transport + " | " + torture + " | "
                + (answer == null ? "no answer" : answer.lines().findFirst().orElse("")));
        switch (expected) {
            case ACCEPTED -> assertThat(answer).as("answer").matches("(?s)SIP/2\\.0 2\\d\\d .*");
            case REFUSED -> assertThat(answer).as("answer").matches("(?s)SIP/2\\.0 4\\d\\d .*");
            case DROPPED -> assertThat(answer).as("no answer to a dropped message").isNull();
        }
        String alive = "UDP".equals(transport) ? udp(SipTortureCases.OPTIONS, ANSWER_MILLIS)
                : tcp(SipTortureCases.OPTIONS, ANSWER_MILLIS);
        assertThat(alive).as("the server still answers an OPTIONS").startsWith("SIP/2.0 200 ");
        assertThat(stackTraces(log.since())).as("stack traces in server.log").isEmpty();
    }

    /** The server's final answer (provisional ones skipped), or null if none came in time. */
    private static String udp(String template, int waitMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(RawSip.HOST))) {
            byte[] bytes = fill(template, "UDP", socket.getLocalPort());
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(RawSip.HOST), RawSip.PORT));
            long deadline = System.currentTimeMillis() + waitMillis;
            byte[] buffer = new byte[65536];
            while (System.currentTimeMillis() < deadline) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String answer = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!answer.startsWith("SIP/2.0 1")) {
                    return answer;
                }
            }
            return null;
        }
    }

    /** As {@link #udp}; null also when the server closed the connection. */
    private static String tcp(String template, int waitMillis) throws IOException {
        try (RawSip.Tcp tcp = new RawSip.Tcp()) {
            tcp.timeout(waitMillis);
            try {
                tcp.write(fill(template, "TCP", tcp.localPort()));
            } catch (SocketException e) { // closed by the server while it was still being written
                return null;
            }
            String answer;
            do {
                answer = tcp.readHead();
            } while (answer != null && answer.startsWith("SIP/2.0 1"));
            return answer;
        }
    }

    /** The case's text as bytes, one per character, with its placeholders filled in. */
    private static byte[] fill(String template, String transport, int localPort) {
        String id = UUID.randomUUID().toString().replace("-", "");
        return template.replace("{T}", transport).replace("{PORT}", Integer.toString(localPort))
                .replace("{ID}", id).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> stackTraces(String logged) {
        List<String> found = new ArrayList<>();
        var matcher = STACK_FRAME.matcher(logged);
        while (matcher.find()) {
            int start = Math.max(0, logged.lastIndexOf("\n[", matcher.start()));
            found.add(logged.substring(start, Math.min(logged.length(), matcher.end() + 400)));
            if (found.size() == 3) {
                break;
            }
        }
        return found;
    }

    /** GlassFish's server.log from where it stood when the tests started. */
    private static final class ServerLog {
        private final Path file;
        private long offset;

        ServerLog() throws IOException {
            String home = System.getProperty("glassfish.home");
            assertThat(home).as("system property glassfish.home (set by failsafe)").isNotBlank();
            file = Path.of(home, "glassfish", "domains", "domain1", "logs", "server.log");
            assertThat(file).exists();
            offset = Files.size(file);
        }

        /** What was written since the last call; from the start of a file rotated meanwhile. */
        String since() throws IOException {
            long size = Files.size(file);
            if (size < offset) {
                offset = 0;
            }
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(offset);
                byte[] bytes = new byte[(int) (size - offset)];
                in.readFully(bytes);
                offset = size;
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }
}
