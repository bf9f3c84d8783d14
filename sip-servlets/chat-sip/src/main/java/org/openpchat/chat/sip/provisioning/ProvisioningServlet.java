package org.openpchat.chat.sip.provisioning;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import org.openpchat.chat.sip.auth.SipAuthenticator;
import org.openpchat.chat.sip.facade.ChatFacade;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * In-band provisioning: a one-off SUBSCRIBE (Expires: 0) to vnd-microsoft-provisioning-v2 gets
 * 200 and then a NOTIFY in that dialog telling the client whether it may use Persistent Chat and
 * at which pool URI, and where its room management page is; that notification is what starts group chat in SIPE. Other event packages
 * get 489.
 */
@MessageDriven(messageListenerInterface = SipServletEndpoint.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "servletName", propertyValue = "provisioning"),
    @ActivationConfigProperty(propertyName = "methods", propertyValue = "SUBSCRIBE"),
    @ActivationConfigProperty(propertyName = "order", propertyValue = "900")})
public class ProvisioningServlet extends SipServlet {

    static final String EVENT = "vnd-microsoft-provisioning-v2";

    @EJB
    private SipAuthenticator authenticator;
    @EJB
    private ChatFacade chat;

    @Override
    protected void doSubscribe(SipServletRequest request) {
        String event = request.getHeader("Event");
        if (event == null || !EVENT.equalsIgnoreCase(event.split(";", 2)[0].strip())) {
            SipServletResponse refusal = request.createResponse(489, "Bad Event");
            refusal.setHeader("Allow-Events", EVENT);
            refusal.send();
            return;
        }
        String user = authenticator.requireUser(request);
        if (user == null) {
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Expires", "0");
        ok.send();

        SipServletRequest notify = request.getSession().createRequest("NOTIFY");
        notify.setHeader("Event", EVENT);
        notify.setHeader("Subscription-State", "terminated;reason=timeout");
        notify.setContent(ProvisioningDocument.persistentChat(chat.persistentChatEnabled(user),
                chat.poolUri(), chat.roomManagementUrl()), ProvisioningDocument.CONTENT_TYPE);
        notify.send();
    }

    @Override
    protected void doResponse(SipServletResponse response) {
        // the NOTIFY was answered: the one-off subscription is over
        if (response.getStatus() >= 200 && response.getSession().isValid()) {
            response.getSession().invalidate();
        }
    }
}
