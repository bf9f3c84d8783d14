package org.openpchat.it.sip.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * UAS role of the client: answers requests from the server through a server transaction (so
 * over TCP the response goes back on the connection the request came over) with the status the
 * policy picks, and queues them for {@link #await}.
 */
final class ServerSide {

    private final SipTestClient client;
    private final SipProvider provider;
    private final List<ReceivedRequest> queue = new ArrayList<>();
    private volatile Function<ReceivedRequest, Integer> policy = r -> 200;
    private volatile Predicate<ReceivedRequest> taker = r -> false;
    private boolean closed;

    ServerSide(SipTestClient client, SipProvider provider) {
        this.client = client;
        this.provider = provider;
    }

    void policy(Function<ReceivedRequest, Integer> p) {
        this.policy = p;
    }

    void taker(Predicate<ReceivedRequest> t) {
        this.taker = t;
    }

    void handle(RequestEvent event) {
        Request r = event.getRequest();
        ReceivedRequest view = ReceivedRequest.of(r);
        try {
            if (!Request.ACK.equals(r.getMethod())) {
                answer(event, r, policy.apply(view));
            }
        } catch (TransactionAlreadyExistsException retransmission) {
            return; // the stack answers retransmissions itself
        } catch (Exception e) {
            System.err.println("sipclient: cannot answer " + view + ": " + e);
        }
        try {
            if (taker.test(view)) {
                return; // taken by the observer, not queued for await
            }
        } catch (RuntimeException e) {
            System.err.println("sipclient: observer failed on " + view + ": " + e);
        }
        synchronized (queue) {
            queue.add(view);
            queue.notifyAll();
        }
    }

    private void answer(RequestEvent event, Request r, int status) throws Exception {
        ServerTransaction st = event.getServerTransaction();
        if (st == null) {
            st = provider.getNewServerTransaction(r);
        }
        Response resp = client.messages.createResponse(status, r);
        ToHeader to = (ToHeader) resp.getHeader(ToHeader.NAME);
        if (to.getTag() == null && status > 100) {
            to.setTag(Messages.tag());
        }
        if (Request.INVITE.equals(r.getMethod()) && status / 100 == 2) {
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
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    throw new IllegalStateException("no " + method + " request within " + timeout + "; queued: "
                            + queue);
                }
                try {
                    queue.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted waiting for " + method, e);
                }
            }
        }
    }

    List<ReceivedRequest> snapshot() {
        synchronized (queue) {
            return List.copyOf(queue);
        }
    }

    void close() {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
    }
}
