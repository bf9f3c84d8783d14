package org.openpchat.chat.sip.registrar;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.openpchat.chat.application.pool.PoolAdministration;
import org.openpchat.chat.sip.auth.AuthenticationMode;
import org.openpchat.chat.sip.auth.Flow;
import org.openpchat.chat.sip.auth.SipAuthenticator;
import org.openpchat.chat.sip.auth.SipUsers;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * The Front End's registrar: Digest-authenticated REGISTER binds the user to the connection.
 * The 200 carries exactly what SIPE needs to go on to provisioning and group chat: an Expires
 * header, {@code Supported: msrtc-event-categories} on a line of its own, and the provisioning
 * event in Allow-Events (comma lists without blanks; SIPE does not trim).
 */
@MessageDriven(messageListenerInterface = SipServletEndpoint.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "servletName", propertyValue = "registrar"),
    @ActivationConfigProperty(propertyName = "methods", propertyValue = "REGISTER"),
    @ActivationConfigProperty(propertyName = "order", propertyValue = "900")})
public class RegistrarServlet extends SipServlet {

    @EJB
    private SipAuthenticator authenticator;
    @EJB
    private Registrations registrations;
    @EJB
    private PoolAdministration pool;

    @Override
    protected void doRegister(SipServletRequest request) {
        if (!pool.servesHere()) { // an idle node of the pool: the client signs in through another
            SipServletResponse idle = request.createResponse(503, FrontEndServlet.IDLE);
            idle.setHeader("Retry-After", "30");
            idle.send();
            return;
        }
        long generation = registrations.credentialGeneration(SipUsers.userOf(request.getFrom()));
        String user = authenticator.requireUser(request);
        if (user == null) {
            return;
        }
        int expires = RegistrationExpiry.granted(request.getHeader("Expires"), request.getHeader("Contact"));
        Flow flow = Flow.of(request);
        if (expires == 0) {
            registrations.unbind(flow);
            SipServletResponse response = request.createResponse(200);
            response.setHeader("Expires", "0");
            response.send();
            return;
        }
        String contact = request.getHeader("Contact");
        registrations.bind(flow, user, contact, expires, generation);
        SipServletResponse response = request.createResponse(200);
        response.setHeader("Expires", Integer.toString(expires));
        response.setHeader("Supported", "msrtc-event-categories");
        response.setHeader("Allow-Events", "vnd-microsoft-provisioning-v2");
        if (contact != null) {
            try {
                response.setHeader("Contact", RegistrationExpiry.withExpires(contact, expires));
            } catch (IllegalArgumentException e) {
                // a Contact the stack cannot re-encode: the Expires header says it all (SIPE reads only that)
            }
        }
        if (authenticator.mode() == AuthenticationMode.NONE) {
            response.setHeader("Warning", "399 pchat \"SIP authentication is disabled on this server\"");
        }
        response.send();
    }
}
