package org.openpchat.client.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openpchat.client.probe.ChatMessageProbe.Request;
import org.openpchat.client.probe.ChatMessageProbe.Result;
import org.openpchat.client.probe.ChatMessageProbe.Step;
import org.openpchat.client.sip.ClientDialog;
import org.openpchat.client.sip.ReceivedResponse;
import org.openpchat.client.sip.SipClientException;
import org.openpchat.client.sip.SipClientSettings;
import org.openpchat.client.xccos.Xccos;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.client.xccos.XccosException;
import org.openpchat.client.xccos.XccosSettings;
import org.openpchat.client.xccos.XccosTimeoutException;
import org.openpchat.client.xccos.XccosXml;

/** One run of {@link ChatMessageProbe}: the steps, then the clean-up of what they opened. */
final class ProbeRun {

    private static final Logger LOG = Logger.getLogger(ProbeRun.class.getName());
    private static final Duration CLEAN_UP_TIMEOUT = Duration.ofSeconds(3);

    /** A step's body failed for a reason it describes itself. */
    private static final class StepFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailure(String detail) {
            super(detail, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Body {
        String run(Deadline deadline);
    }

    /** The end of the current step; sets the clients' waits to what is left of it. */
    private static final class Deadline {
        private final long end;
        private final Duration length;

        Deadline(Duration length) {
            this.length = length;
            this.end = System.nanoTime() + length.toNanos();
        }

        /** {@code client} waits at most what is left of the step; fails the step when nothing is. */
        XccosClient use(XccosClient client) {
            long left = end - System.nanoTime();
            if (left < Duration.ofMillis(1).toNanos()) {
                throw new StepFailure("step timed out after " + length.toMillis() + " ms");
            }
            return client.waitTime(Duration.ofNanos(left));
        }
    }

    private final Request request;
    private final XccosSettings settings;
    private final List<Step> steps = new ArrayList<>();
    private final String text = "Test-CsPersistentChatMessage " + UUID.randomUUID();
    private XccosClient sender;
    private XccosClient receiver;
    private boolean senderRegistered;
    private boolean receiverRegistered;
    private String roomUri;
    private String failedStep;

    ProbeRun(Request request, String localHost) {
        this.request = request;
        this.settings = new XccosSettings(request.domain(), SipClientSettings.of(request.transport())
                .withLocalHost(localHost).withOutboundProxy(request.serverHost(), request.serverPort())
                .withTimeout(request.stepTimeout()));
    }

    Result run() {
        try {
            runSteps();
        } finally {
            cleanUp();
        }
        return new Result(failedStep == null, steps, failedStep);
    }

    private void runSteps() {
        boolean ok = step(ChatMessageProbe.REGISTER_SENDER, d -> {
            sender = XccosClient.connect(request.sender(), settings);
            senderRegistered = register(d.use(sender), request.senderPassword());
            return "200 OK for " + sender.userUri();
        }) && step(ChatMessageProbe.REGISTER_RECEIVER, d -> {
            receiver = XccosClient.connect(request.receiver(), settings);
            receiverRegistered = register(d.use(receiver), request.receiverPassword());
            return "200 OK for " + receiver.userUri();
        }) && step(ChatMessageProbe.OPEN_SENDER_SESSION, d -> openSession(d, sender))
                && step(ChatMessageProbe.OPEN_RECEIVER_SESSION, d -> openSession(d, receiver));
        if (ok && request.roomIsUri()) {
            roomUri = request.room();
        } else if (ok) {
            ok = step(ChatMessageProbe.FIND_ROOM, this::findRoom);
        }
        ok = ok && step(ChatMessageProbe.RECEIVER_JOINS, d -> join(d, receiver))
                && step(ChatMessageProbe.SENDER_JOINS, d -> join(d, sender))
                && step(ChatMessageProbe.POST, this::post)
                && step(ChatMessageProbe.RECEIVE, this::receive)
                && step(ChatMessageProbe.LEAVE, d -> part(d, receiver) + "; " + part(d, sender));
        if (ok) {
            step(ChatMessageProbe.SIGN_OUT, d -> signOut(d, receiver) + "; " + signOut(d, sender));
        }
    }

    /** Runs a step and records it; false if it failed. */
    private boolean step(String name, Body body) {
        long start = System.nanoTime();
        String detail;
        boolean success;
        try {
            detail = body.run(new Deadline(request.stepTimeout()));
            success = true;
        } catch (StepFailure e) {
            detail = e.getMessage();
            success = false;
        } catch (SipClientException | XccosException e) {
            detail = e.getMessage();
            success = false;
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        steps.add(new Step(name, success, ms, detail));
        if (!success) {
            failedStep = name;
        }
        return success;
    }

    private static boolean register(XccosClient client, String password) {
        ReceivedResponse r = client.register(password);
        if (r.status() != 200) {
            throw new StepFailure("REGISTER as " + client.userUri() + " answered " + r);
        }
        return true;
    }

    private String openSession(Deadline d, XccosClient client) {
        XccosClient.Provisioning p = d.use(client).subscribeProvisioning();
        String poolUri = p.poolUriOr(settings.defaultPoolUri());
        String how = p.notifyRequest() == null ? "provisioning SUBSCRIBE answered " + p.subscribeResponse()
                + ", default pool" : p.poolUri() == null ? "provisioning named no pool, default pool"
                : "provisioned pool";
        if (p.notifyRequest() != null && !p.enabled()) {
            how += ", provisioning says Persistent Chat is disabled";
        }
        try {
            ReceivedResponse ok = d.use(client).invite(poolUri).inviteResponse();
            return "INVITE " + poolUri + " (" + how + ") answered " + ok;
        } catch (org.openpchat.client.sip.SipFailureException e) {
            throw new StepFailure("INVITE " + poolUri + " (" + how + ") answered " + e.response());
        }
    }

    private String findRoom(Deadline d) {
        Xccos.Channel room = d.use(sender).findRoom(request.room()).orElseThrow(() -> new StepFailure(
                "no room named '" + request.room() + "' found by " + sender.userUri()));
        if (!XccosXml.isChanUri(room.uri())) {
            throw new StepFailure("chansrch gave room '" + request.room() + "' the malformed URI " + room.uri());
        }
        roomUri = room.uri();
        return roomUri;
    }

    private String join(Deadline d, XccosClient client) {
        Xccos.Reply r = d.use(client).join(roomUri);
        if (!r.ok()) {
            throw new StepFailure("join of " + roomUri + " by " + client.userUri() + " answered " + xccos(r));
        }
        return "join answered " + xccos(r);
    }

    private String post(Deadline d) {
        XccosClient.Sent sent = d.use(sender).post(roomUri, text);
        if (sent.sip().status() != 200) {
            String reply;
            try {
                reply = "; " + xccos(d.use(sender).awaitReplyTo(sent.envid()));
            } catch (XccosTimeoutException | StepFailure noReply) {
                reply = "";
            }
            throw new StepFailure("post by " + sender.userUri() + " answered " + sent.sip() + reply);
        }
        return "INFO answered " + sent.sip() + "; text '" + text + "'";
    }

    private String receive(Deadline d) {
        Xccos.GrpChat g;
        XccosClient client = d.use(receiver);
        try {
            g = client.awaitGrpchat(m -> roomUri.equals(m.chanUri()) && text.equals(m.text()), client.waitTime());
        } catch (XccosTimeoutException e) {
            throw new StepFailure(receiver.userUri() + " did not receive the post within "
                    + request.stepTimeout().toMillis() + " ms");
        }
        if (!sender.userUri().equalsIgnoreCase(g.author())) {
            throw new StepFailure("the post arrived with author " + g.author() + ", not " + sender.userUri());
        }
        return "grpchat from " + g.author() + " at " + g.ts();
    }

    private String part(Deadline d, XccosClient client) {
        Xccos.Reply r = d.use(client).part(roomUri);
        if (!r.ok()) {
            throw new StepFailure("part of " + roomUri + " by " + client.userUri() + " answered " + xccos(r));
        }
        return client.user() + " left";
    }

    private String signOut(Deadline d, XccosClient client) {
        ReceivedResponse bye = d.use(client).bye();
        client.dropDialog();
        if (bye.status() != 200) {
            throw new StepFailure("BYE by " + client.userUri() + " answered " + bye);
        }
        ReceivedResponse unregister = d.use(client).unregister();
        if (unregister.status() != 200) {
            throw new StepFailure("REGISTER Expires 0 by " + client.userUri() + " answered " + unregister);
        }
        if (client == sender) {
            senderRegistered = false;
        } else {
            receiverRegistered = false;
        }
        return client.user() + " signed out";
    }

    private static String xccos(Xccos.Reply r) {
        return r.code() + (r.text() == null || r.text().isEmpty() ? "" : " " + r.text());
    }

    /**
     * Ends what the steps opened: chat sessions (the server leaves their rooms), registrations,
     * stacks. JAIN-SIP takes a second to stop a stack: the two stop side by side.
     */
    private void cleanUp() {
        signOffQuietly(sender, senderRegistered);
        signOffQuietly(receiver, receiverRegistered);
        Thread closer = null;
        if (receiver != null) {
            XccosClient r = receiver;
            closer = new Thread(r::close, "chat-message-probe-close");
            closer.setDaemon(true);
            closer.start();
        }
        if (sender != null) {
            sender.close();
        }
        if (closer != null) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void signOffQuietly(XccosClient client, boolean registered) {
        if (client == null) {
            return;
        }
        client.waitTime(CLEAN_UP_TIMEOUT);
        ClientDialog dialog = client.dialog();
        client.dropDialog();
        try {
            if (dialog != null) {
                dialog.bye();
            }
        } catch (SipClientException e) {
            LOG.log(Level.FINE, "clean-up: BYE of " + client.user() + " failed", e);
        }
        try {
            if (registered) {
                client.unregister();
            }
        } catch (SipClientException e) {
            LOG.log(Level.FINE, "clean-up: sign-out of " + client.user() + " failed", e);
        }
    }
}
