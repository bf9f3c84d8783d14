package org.openpchat.chat.sip.registrar;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.openpchat.chat.application.pool.PoolAdministration;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Safe answers to the other requests a Lync-protocol client may send a Front End that only
 * serves Persistent Chat: OPTIONS and SERVICE succeed, instant messages between users are not
 * routed by this server (480). OPTIONS is also the pool front's health check: a server that
 * takes no clients (an idle node of the pool, or a pool that failed over) answers it 503.
 */
@MessageDriven(messageListenerInterface = SipServletEndpoint.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "servletName", propertyValue = "front-end"),
    @ActivationConfigProperty(propertyName = "methods", propertyValue = "OPTIONS,SERVICE,MESSAGE"),
    @ActivationConfigProperty(propertyName = "order", propertyValue = "950")})
public class FrontEndServlet extends SipServlet {

    /** The reason phrase of a server that takes no clients now. */
    public static final String IDLE = "Not an active server of the pool";
    static final String ALLOW = "INVITE,ACK,CANCEL,BYE,INFO,UPDATE,REGISTER,SUBSCRIBE,NOTIFY,OPTIONS";

    @EJB
    private PoolAdministration pool;

    @Override
    protected void doOptions(SipServletRequest request) {
        if (!pool.servesHere()) {
            request.createResponse(503, IDLE).send();
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Allow", ALLOW);
        ok.send();
    }

    @Override
    protected void doMessage(SipServletRequest request) {
        request.createResponse(480, "Instant messages are not routed by this server").send();
    }

    @Override
    protected void doRequest(SipServletRequest request) {
        if ("SERVICE".equals(request.getMethod())) {
            request.createResponse(200).send();
        } else {
            super.doRequest(request);
        }
    }
}
