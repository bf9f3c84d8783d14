package org.openpchat.client.probe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.openpchat.client.sip.SipClientSettings;
import org.openpchat.client.sip.Transport;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosXml;

/**
 * Test-CsPersistentChatMessage: signs two users in over the real SIP path, joins both to a room,
 * has the sender post a unique text and the receiver receive it, and signs both out, reporting
 * each step with its duration. The steps, in order ({@link Step#name()}):
 *
 * <ol>
 * <li>{@value #REGISTER_SENDER}, {@value #REGISTER_RECEIVER}: REGISTER with Digest;</li>
 * <li>{@value #OPEN_SENDER_SESSION}, {@value #OPEN_RECEIVER_SESSION}: the provisioning SUBSCRIBE and
 * its NOTIFY, then INVITE of the chat pool it names ({@code sip:pchat@<domain>} when it names
 * none);</li>
 * <li>{@value #FIND_ROOM} (only for a room given by name): chansrch as the sender;</li>
 * <li>{@value #RECEIVER_JOINS}, {@value #SENDER_JOINS}: join;</li>
 * <li>{@value #POST}: the sender's grpchat, accepted with SIP 200;</li>
 * <li>{@value #RECEIVE}: the receiver gets that post (an INFO from the server) with the sender as
 * author;</li>
 * <li>{@value #LEAVE}: both part the room;</li>
 * <li>{@value #SIGN_OUT}: both BYE their chat session and REGISTER with Expires 0.</li>
 * </ol>
 *
 * The first failing step ends the test (later steps are not reported); whatever was opened is
 * closed anyway, without being reported. A failure of the server or of the network is a failed
 * step whose detail says what happened (the SIP status, the XCCOS result code, a timeout, a
 * connection refused), never an exception; only invalid input is ({@link IllegalArgumentException}
 * from {@link Request}). Each step may take {@link Request#stepTimeout()}. The posted text stays in
 * the room's history, as with Lync's cmdlet.
 *
 * <p>Thread-safe: every {@link #run} uses its own SIP stacks (one per user, on a free port of the
 * local host).
 */
public final class ChatMessageProbe {

    public static final Duration DEFAULT_STEP_TIMEOUT = Duration.ofSeconds(10);

    public static final String REGISTER_SENDER = "register-sender";
    public static final String REGISTER_RECEIVER = "register-receiver";
    public static final String OPEN_SENDER_SESSION = "open-sender-session";
    public static final String OPEN_RECEIVER_SESSION = "open-receiver-session";
    public static final String FIND_ROOM = "find-room";
    public static final String RECEIVER_JOINS = "receiver-joins";
    public static final String SENDER_JOINS = "sender-joins";
    public static final String POST = "post";
    public static final String RECEIVE = "receive";
    public static final String LEAVE = "leave";
    public static final String SIGN_OUT = "sign-out";

    /**
     * What to test.
     *
     * @param serverHost the server's SIP listener
     * @param serverPort its port
     * @param transport TCP (default), UDP, or TLS (trusting the JVM's default CAs; not inside the server)
     * @param domain the SIP domain; null: the sender's
     * @param sender the posting user: {@code sip:alice@example.com}, {@code alice@example.com}, or
     *        {@code alice} (in {@code domain})
     * @param senderPassword the sender's password
     * @param receiver the receiving user, in the same forms
     * @param receiverPassword the receiver's password
     * @param room a room name (found with chansrch) or a room URI ({@code ma-chan://<domain>/<id>})
     * @param stepTimeout how long one step may take; null: {@link #DEFAULT_STEP_TIMEOUT}
     */
    public record Request(String serverHost, int serverPort, Transport transport, String domain, String sender,
            String senderPassword, String receiver, String receiverPassword, String room, Duration stepTimeout) {

        /** @throws IllegalArgumentException if a value is missing or malformed */
        public Request {
            require(serverHost != null && !serverHost.isBlank() && serverHost.strip().equals(serverHost),
                    "serverHost", serverHost);
            require(serverPort >= 1 && serverPort <= 65_535, "serverPort", serverPort);
            transport = transport == null ? Transport.TCP : transport;
            require(sender != null && !sender.isBlank(), "sender", sender);
            require(receiver != null && !receiver.isBlank(), "receiver", receiver);
            domain = domain == null ? domainOf(sender) : domain;
            require(domain != null && domain.matches("[A-Za-z0-9.\\-]+"), "domain", domain);
            sender = XccosClient.userAddress(sender, domain);
            receiver = XccosClient.userAddress(receiver, domain);
            Objects.requireNonNull(senderPassword, "senderPassword");
            Objects.requireNonNull(receiverPassword, "receiverPassword");
            require(room != null && !room.isBlank(), "room", room);
            require(!room.startsWith(XccosXml.CHAN_SCHEME) || XccosXml.isChanUri(room), "room", room);
            stepTimeout = stepTimeout == null ? DEFAULT_STEP_TIMEOUT : stepTimeout;
            require(!stepTimeout.isNegative() && !stepTimeout.isZero(), "stepTimeout", stepTimeout);
        }

        /** TCP, the sender's domain, steps of {@link #DEFAULT_STEP_TIMEOUT}. */
        public static Request of(String serverHost, int serverPort, String sender, String senderPassword,
                String receiver, String receiverPassword, String room) {
            return new Request(serverHost, serverPort, null, null, sender, senderPassword, receiver,
                    receiverPassword, room, null);
        }

        public Request withStepTimeout(Duration timeout) {
            return new Request(serverHost, serverPort, transport, domain, sender, senderPassword, receiver,
                    receiverPassword, room, timeout);
        }

        /** The room is given by its URI, not by its name. */
        public boolean roomIsUri() {
            return room.startsWith(XccosXml.CHAN_SCHEME);
        }

        /** The passwords are left out. */
        @Override
        public String toString() {
            return "Request[" + serverHost + ":" + serverPort + "/" + transport + ", domain " + domain + ", sender "
                    + sender + ", receiver " + receiver + ", room " + room + ", step timeout " + stepTimeout + "]";
        }

        private static String domainOf(String user) {
            int at = user.indexOf('@');
            return at < 0 ? null : user.substring(at + 1).strip();
        }

        private static void require(boolean ok, String field, Object value) {
            if (!ok) {
                throw new IllegalArgumentException(field + ": invalid value " + value);
            }
        }
    }

    /**
     * One step.
     *
     * @param name the step (see the constants of {@link ChatMessageProbe})
     * @param success whether it did what it should
     * @param durationMs how long it took
     * @param detail what happened: on success a short account, on failure what failed (SIP status,
     *        XCCOS result code, timeout, unreachable server)
     */
    public record Step(String name, boolean success, long durationMs, String detail) {
    }

    /**
     * The outcome.
     *
     * @param success every step succeeded
     * @param steps the steps run, in order; the last one failed if {@code success} is false
     * @param failedStep the name of the failed step, or null
     */
    public record Result(boolean success, List<Step> steps, String failedStep) {

        public Result {
            steps = List.copyOf(steps);
        }
    }

    private final String localHost;

    /** Clients on loopback, for a server on this host. */
    public ChatMessageProbe() {
        this(SipClientSettings.LOOPBACK);
    }

    /** @param localHost the address the test's SIP clients listen on (one the server can reach) */
    public ChatMessageProbe(String localHost) {
        this.localHost = Objects.requireNonNull(localHost, "localHost");
    }

    /** Runs the test; never throws for what the server or the network does. */
    public Result run(Request request) {
        Objects.requireNonNull(request, "request");
        return new ProbeRun(request, localHost).run();
    }
}
