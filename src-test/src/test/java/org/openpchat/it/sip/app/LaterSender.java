package org.openpchat.it.sip.app;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipFactory;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipSession;
import org.openpchat.sip.servlet.TimerService;

/** Sends in-dialog requests from outside any SIP delivery, through the outbound connection factory. */
@Stateless
@ConnectionFactoryDefinition(name = "java:app/sip/SipConnectionFactory",
        interfaceName = "org.openpchat.sip.servlet.SipConnectionFactory", resourceAdapter = "#sip-servlets",
        transactionSupport = TransactionSupportLevel.NoTransaction, minPoolSize = 0, maxPoolSize = 32)
public class LaterSender {

    @Resource(lookup = "java:app/sip/SipConnectionFactory")
    private SipConnectionFactory sip;

    @Asynchronous
    public void send(String sessionId, String text) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (SipConnection connection = sip.getConnection()) {
            SipSession session = connection.getSession(sessionId);
            if (session != null) {
                SipServletRequest info = session.createRequest("INFO");
                info.setContent(text, "text/plain; charset=UTF-8");
                info.send();
            }
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    public SipFactory sipFactory() {
        try (SipConnection connection = sip.getConnection()) {
            return connection.getSipFactory();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    public TimerService timerService() {
        try (SipConnection connection = sip.getConnection()) {
            return connection.getTimerService();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }
}
