package org.openpchat.sip.container;

import gov.nist.javax.sip.Utils;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.MessageChannel;
import jakarta.resource.spi.BootstrapContext;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.Timer;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.address.Hop;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openpchat.sip.servlet.SipStatistics;

/**
 * The running SIP container of one resource adapter: the JAIN-SIP stack and its listening
 * points, the sessions, the servlets, and the sending of messages.
 */
final class SipContainer {

    /**
     * Servlet deliveries running at once ({@code -Dopenpchat.sip.max-concurrent-deliveries});
     * each SIP servlet bean's pool must be at least as large (GlassFish's default: 32).
     */
    static final String MAX_DELIVERIES_PROPERTY = "openpchat.sip.max-concurrent-deliveries";
    static final int DEFAULT_MAX_DELIVERIES = 32;
    private static final Logger LOG = Logger.getLogger(SipContainer.class.getName());

    private final SipSettings settings;
    private final SessionRegistry sessions = new SessionRegistry();
    private final ServletRegistry servlets = new ServletRegistry();
    private final SerialDispatcher dispatcher;
    private final DeliveryDelay delay = new DeliveryDelay(System::nanoTime);
    private final Deliveries deliveries;
    private final Timer timer;
    private final Connections connections = new Connections();
    private final ConnectionWriters writers;
    private final StreamPolicy streams;
    private final ConnectionOrderedExecutor inbound = new ConnectionOrderedExecutor(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            waited -> delay.record(DeliveryDelay.Queue.INBOUND, waited));
    private final MessageSender sender;
    private final String stackName = "openpchat-sip-" + UUID.randomUUID();
    private SipStack stack;
    private SipProvider provider;
    private MessageFactory messages;
    private HeaderFactory headers;
    private AddressFactory addresses;
    private Set<Thread> stackThreads = Set.of();

    SipContainer(SipSettings settings, BootstrapContext context) throws Exception {
        this.settings = settings;
        this.dispatcher = new SerialDispatcher(context.getWorkManager(),
                JvmOptions.positive(MAX_DELIVERIES_PROPERTY, DEFAULT_MAX_DELIVERIES));
        this.deliveries = new Deliveries(this, context.getTransactionSynchronizationRegistry());
        this.timer = context.createTimer();
        WriteLimits writeLimits = WriteLimits.configured();
        this.writers = new ConnectionWriters(new SerialDispatcher(context.getWorkManager(), SerialDispatcher.UNBOUNDED),
                writeLimits, delay, this::cut);
        this.streams = new StreamPolicy(new ConnectionAdmission(ConnectionLimits.forThisProcess()), writeLimits, this::slowReader);
        this.sender = new MessageSender(this, writers, connections);
    }

    /** Listens; if that fails, stops what it started (threads, sockets) and throws. */
    void start() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try {
            StackThreads.start(stackName, this::listen);
        } catch (Exception | Error e) {
            stackThreads = startedSince(before);
            stop();
            throw e;
        }
        stackThreads = startedSince(before);
    }

    private static Set<Thread> startedSince(Set<Thread> before) {
        Set<Thread> after = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        return after;
    }

    private void listen() throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        MessageDispatcher dispatcherOfStack = new MessageDispatcher(this);
        IncomingRequestValve.register(stackName,
                (request, channel) -> !dispatcherOfStack.divertsCollision(request, channel));
        StreamPolicy.register(stackName, streams);
        if (settings.tls() != null) {
            SipTls.Material tls = settings.tls().load();
            ContainerNetworkLayer.register(stackName, tls);
            LOG.info("SIP over TLS with " + SipTls.describe(tls.certificate()) + "; " + settings.tls());
        }
        stack = factory.createSipStack(settings.stackProperties(stackName));
        inbound.installIn();
        messages = factory.createMessageFactory();
        headers = factory.createHeaderFactory();
        addresses = factory.createAddressFactory();
        FlowRouter.register(stackName, this::flowHop);
        provider = null;
        for (String transport : settings.transports()) {
            ListeningPoint point = stack.createListeningPoint(settings.host(), settings.portOf(transport), transport);
            if (provider == null) {
                provider = stack.createSipProvider(point);
            } else {
                provider.addListeningPoint(point);
            }
        }
        provider.addSipListener(dispatcherOfStack);
        stack.start();
        timer.schedule(new java.util.TimerTask() {
            @Override
            public void run() {
                if (inbound.installIn()) {
                    LOG.fine("a SIP stack's stop had dropped the container's inbound executor: put back");
                }
                writers.cutStalled();
            }
        }, 1000, 1000);
        LOG.info("SIP container listening on " + settings.host() + ": " + settings.listening());
    }

    /**
     * Stops the stack. JAIN-SIP 1.3.0-91 leaves its event scanner thread parked after stop(),
     * which would pin this class loader on every redeploy: interrupt the threads it started.
     */
    void stop() {
        timer.cancel();
        FlowRouter.unregister(stackName);
        IncomingRequestValve.unregister(stackName);
        ContainerNetworkLayer.unregister(stackName);
        StreamPolicy.unregister(stackName);
        sessions.clear();
        if (stack != null) {
            try {
                if (provider != null) {
                    for (ListeningPoint point : provider.getListeningPoints()) {
                        provider.removeListeningPoint(point);
                        stack.deleteListeningPoint(point);
                    }
                    stack.deleteSipProvider(provider);
                }
            } catch (ObjectInUseException e) {
                LOG.log(Level.FINE, "while removing listening points", e);
            }
            stack.stop();
        }
        inbound.close();
        stackThreads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    /** In-dialog requests go along the dialog's flow. */
    private Hop flowHop(Request request) {
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        if (toTag == null) {
            return null;
        }
        SipSessionImpl session = sessions.byDialog(((javax.sip.header.CallIdHeader)
                request.getHeader(javax.sip.header.CallIdHeader.NAME)).getCallId(), fromTag, toTag);
        Flow flow = session == null ? null : session.flow();
        return flow == null ? null : new HopImpl(flow.remoteAddr(), flow.remotePort(), flow.transport());
    }

    void sendRequest(RequestImpl request) {
        sender.sendRequest(request);
    }

    void sendResponse(ResponseImpl response) {
        RequestImpl request = response.request();
        Response jain = response.jainResponse();
        String method = request.getMethod();
        int status = jain.getStatusCode();
        if (status >= 200 && status < 300 && jain.getHeader(ContactHeader.NAME) == null
                && ("INVITE".equals(method) || "SUBSCRIBE".equals(method))) {
            jain.setHeader(dialogContact(request));
        }
        ((SipSessionImpl) request.getSession()).responded(jain, method);
        sender.sendResponse(response);
    }

    /** Answers without a transaction (481, 404, 400 for requests no servlet will see). */
    void respondStatelessly(Request request, int status) {
        respondStatelessly(request, status, null);
    }

    /** As above, with a reason phrase of one line (null: the status's own). */
    void respondStatelessly(Request request, int status, String reason) {
        sender.respondStatelessly(request, status, reason, newTag());
    }

    ViaHeader newVia(Flow flow) throws ParseException, InvalidArgumentException {
        String transport = flow == null ? "udp" : flow.transport().toLowerCase();
        ListeningPoint point = provider.getListeningPoint(transport);
        if (point == null) {
            point = provider.getListeningPoints()[0];
        }
        return headers.createViaHeader(point.getIPAddress(), point.getPort(), point.getTransport(),
                Utils.getInstance().generateBranchId());
    }

    /**
     * The Contact of a dialog-creating 2xx is the URI the client addressed. Clients send every
     * request over their connection to us anyway, and JAIN-SIP 1.3.0-91 can match a branch-less
     * ACK (SIPE's) only when its Request-URI is the INVITE's; sent to any other URI it is dropped
     * and the client's TCP connection closed.
     */
    private ContactHeader dialogContact(RequestImpl request) {
        try {
            return headers.createContactHeader(addresses.createAddress(request.jainRequest().getRequestURI()));
        } catch (RuntimeException e) {
            return contactFor(request.flow, ((ToHeader) request.jainRequest().getHeader(ToHeader.NAME)).getAddress());
        }
    }

    ContactHeader contactFor(Flow flow, javax.sip.address.Address party) {
        try {
            String transport = flow == null ? "udp" : flow.transport().toLowerCase();
            String user = party.getURI() instanceof javax.sip.address.SipURI sip ? sip.getUser() : null;
            javax.sip.address.SipURI uri = addresses.createSipURI(user, settings.host());
            uri.setPort(settings.portOf(transport));
            uri.setTransportParam(transport);
            return headers.createContactHeader(addresses.createAddress(uri));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** See {@link org.openpchat.sip.servlet.SipConnection#getDeliveryDelayMillis()}. */
    long deliveryDelayMillis() {
        return delay.recentMillis();
    }

    /** See {@link org.openpchat.sip.servlet.SipConnection#getStatistics()}. */
    SipStatistics statistics() {
        return new SipStatistics(connections.open(), writers.queued() + streams.queued(), writers.slowCuts(), writers.failedCuts(),
                delay.recentMillis(), writers.latency().snapshot());
    }

    /** Hands a received request to its servlet after the earlier messages of its call; the wait counts as delay. */
    void deliver(String callId, ServletEndpoint servlet, RequestImpl request) {
        long queued = System.nanoTime();
        dispatcher.execute(callId, () -> {
            delay.record(DeliveryDelay.Queue.REQUESTS, System.nanoTime() - queued);
            deliveries.request(servlet, request);
        });
    }

    /**
     * The flow a message arrived on, read from the socket: JAIN-SIP's message channel for requests
     * (the Via header is the sender's claim and says nothing about the socket); for responses,
     * which carry no channel, the Via of the request they answer.
     */
    Flow flowOf(Message message) {
        SIPMessage sip = (SIPMessage) message;
        String remote = sip.getPeerPacketSourceAddress() != null ? sip.getPeerPacketSourceAddress().getHostAddress()
                : sip.getRemoteAddress() == null ? null : sip.getRemoteAddress().getHostAddress();
        int remotePort = sip.getPeerPacketSourcePort() > 0 ? sip.getPeerPacketSourcePort() : sip.getRemotePort();
        String local = sip.getLocalAddress() == null ? null : sip.getLocalAddress().getHostAddress();
        String transport;
        long connection = 0;
        if (sip instanceof SIPRequest request && request.getMessageChannel() instanceof MessageChannel channel) {
            transport = channel.getTransport().toUpperCase(Locale.ROOT);
            if (channel.isReliable()) {
                connection = connections.idOf(channel.getKey(), channel);
            }
        } else {
            ViaHeader via = (ViaHeader) message.getHeader(ViaHeader.NAME);
            transport = via == null ? "UDP" : via.getTransport().toUpperCase(Locale.ROOT);
        }
        return new Flow(transport, remote, remotePort, local, sip.getLocalPort(), connection);
    }

    /** A connection whose client stopped reading, found by its listener: cut as below. */
    private void slowReader(MessageChannel channel, String why) {
        long connection = connections.find(channel);
        if (connection == 0) {
            channel.close(); // nothing arrived on it, so no dialog runs over it
        } else {
            writers.slow(connection, why);
        }
    }

    /** A connection its client stopped reading from: closed, and its dialogs are over. */
    private void cut(long connection) {
        connections.close(connection);
        sessions.onConnection(connection).forEach(SipSessionImpl::invalidate);
    }

    String newTag() {
        return Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    SipSettings settings() {
        return settings;
    }

    SessionRegistry sessions() {
        return sessions;
    }

    ServletRegistry servlets() {
        return servlets;
    }

    SerialDispatcher dispatcher() {
        return dispatcher;
    }

    Deliveries deliveries() {
        return deliveries;
    }

    Timer timer() {
        return timer;
    }

    SipProvider provider() {
        return provider;
    }

    SipStack stack() {
        return stack;
    }

    MessageFactory messages() {
        return messages;
    }

    HeaderFactory headers() {
        return headers;
    }

    AddressFactory addresses() {
        return addresses;
    }
}
