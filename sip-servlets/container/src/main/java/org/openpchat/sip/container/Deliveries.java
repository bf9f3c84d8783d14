package org.openpchat.sip.container;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Calls servlets the Jakarta Connectors way: beforeDelivery, the call, afterDelivery, so the
 * bean runs with injection and its container-managed transaction. What the servlet sent leaves
 * when that transaction commits ({@link Delivery}); if the call threw or the transaction rolled
 * back, it is dropped and an unanswered request gets 500.
 */
final class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());
    private static final Method SERVICE;
    private static final Method TIMEOUT;

    static {
        try {
            SERVICE = SipServletEndpoint.class.getMethod("service", SipServletRequest.class, SipServletResponse.class);
            TIMEOUT = SipServletEndpoint.class.getMethod("timeout", ServletTimer.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SipContainer container;
    private final TransactionSynchronizationRegistry transactions;

    Deliveries(SipContainer container, TransactionSynchronizationRegistry transactions) {
        this.container = container;
        this.transactions = transactions;
    }

    void request(ServletEndpoint servlet, RequestImpl request) {
        boolean ok = deliver(servlet, SERVICE, endpoint -> endpoint.service(request, null));
        // a response sent during a delivery that did not commit was dropped with it
        if (!ok && request.isReceived() && !request.isAnswered() && !"ACK".equals(request.getMethod())) {
            SipServletResponse error = request.createResponse(500, "Server Internal Error");
            error.send();
        }
    }

    void response(ServletEndpoint servlet, ResponseImpl response) {
        deliver(servlet, SERVICE, endpoint -> endpoint.service(null, response));
    }

    void timeout(ServletEndpoint servlet, ServletTimerImpl timer) {
        deliver(servlet, TIMEOUT, endpoint -> endpoint.timeout(timer));
    }

    /** A request this container sent could not leave: its servlet hears a 503, if it has one. */
    void failed(RequestImpl request, Exception cause) {
        LOG.log(Level.FINE, "send failed", cause);
    }

    private boolean deliver(ServletEndpoint servlet, Method method, Call call) {
        Delivery delivery = Delivery.begin(servlet.name());
        boolean ok = false;
        MessageEndpoint endpoint = null;
        try {
            endpoint = servlet.factory().createEndpoint(null);
            endpoint.beforeDelivery(method);
            delivery.follow(transactions);
            try {
                call.on((SipServletEndpoint) endpoint);
                ok = !rollbackOnly();
                if (!ok) {
                    LOG.info("SIP servlet " + servlet.name() + " left its transaction marked for rollback: "
                            + "what it sent is dropped");
                }
            } finally {
                endpoint.afterDelivery();
            }
        } catch (Exception | Error e) {
            ok = false;
            LOG.log(Level.WARNING, "SIP servlet " + servlet.name() + " failed", e);
        } finally {
            if (endpoint != null) {
                endpoint.release();
            }
            delivery.end(ok);
        }
        return ok;
    }

    private boolean rollbackOnly() {
        try {
            return transactions != null && transactions.getTransactionKey() != null
                    && transactions.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Call {
        void on(SipServletEndpoint endpoint);
    }
}
