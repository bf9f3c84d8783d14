package org.openpchat.client.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * UAS role of the client: answers every request from the server with 200 through a server
 * transaction (so over TCP the response goes back on the connection the request came over), then
 * hands it to the observer or queues it for {@link #await}.
 */
final class ServerSide {

    private static final Logger LOG = Logger.getLogger(ServerSide.class.getName());

    private final SipClient client;
    private final SipProvider provider;
    private final List<ReceivedRequest> queue = new ArrayList<>();
    private volatile Predicate<ReceivedRequest> taker = r -> false;
    private boolean closed;

    ServerSide(SipClient client, SipProvider provider) {
        this.client = client;
        this.provider = provider;
    }

    void taker(Predicate<ReceivedRequest> t) {
        this.taker = t;
    }

    void handle(RequestEvent event) {
        Request r = event.getRequest();
        ReceivedRequest view = ReceivedRequest.of(r);
        try {
            if (!Request.ACK.equals(r.getMethod())) {
                answer(event, r);
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            return; // the stack answers retransmissions itself
        } catch (Exception e) {
            LOG.log(Level.FINE, "cannot answer " + view, e);
        }
        try {
            if (taker.test(view)) {
                return; // taken by the observer, not queued for await
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request observer failed on " + view, e);
        }
        synchronized (queue) {
            queue.add(view);
            queue.notifyAll();
        }
    }

    private void answer(RequestEvent event, Request r) throws Exception {
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            st = provider.getNewServerTransaction(r);
        }
        Response resp = client.messages.createResponse(Response.OK, r);
        ToHeader to = (ToHeader) resp.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag(Messages.tag());
        }
        if (Request.INVITE.equals(r.getMethod())) {
            resp.addHeader(client.headers.createContactHeader(client.addresses.createAddress(client.contactUri())));
        }
        st.sendResponse(resp);
    }

    ReceivedRequest await(String method, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (queue) {
            while (true) {
                for (Iterator<ReceivedRequest> it = queue.iterator(); it.hasNext();) {
                    ReceivedRequest r = it.next();
                    if (r.method().equalsIgnoreCase(method)) {
                        it.remove();
                        return r;
                    }
                }
                if (closed) {
                    throw new SipClientException("client closed while waiting for a " + method + " request");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SipTimeoutException("no " + method + " request within " + timeout.toMillis()
                            + " ms; queued: " + queue);
                }
                try {
                    queue.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SipClientException("interrupted waiting for a " + method + " request", e);
                }
            }
        }
    }

    void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }
}
