package org.openpchat.it.sip.app;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipFactory;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * The SIP servlet the container tests talk to (request URI user "echo"). INFO bodies are
 * commands: {@code ping}, {@code echo:<text>} (sends the text back in an in-dialog INFO),
 * {@code store:<key>} and {@code fail:<key>} (write a row, the second then throws),
 * {@code count:<key>} (the committed rows, in the 200's body), {@code later:<text>} (an
 * asynchronous bean sends it back through the outbound connection factory) and
 * {@code timer:<text>} (a servlet timer sends it back), {@code call:<uri>} (the servlet calls
 * the URI as a UAC, ACKs the 2xx and hangs up). A REGISTER with {@code X-Challenge} but
 * no {@code Proxy-Authorization} is challenged with 407.
 */
@MessageDriven(messageListenerInterface = SipServletEndpoint.class, activationConfig = {
    @ActivationConfigProperty(propertyName = "requestUser", propertyValue = "echo"),
    @ActivationConfigProperty(propertyName = "servletName", propertyValue = "echo")})
public class EchoServlet extends SipServlet {

    @Resource
    private MessageDrivenContext transaction;
    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource database;
    @EJB
    private SipItRows rows;
    @EJB
    private LaterSender later;
    @Inject
    private Greeting greeting;

    @Override
    protected void doOptions(SipServletRequest request) {
        SipServletResponse ok = request.createResponse(200);
        ok.setHeader("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, MESSAGE, REGISTER, UPDATE");
        ok.setHeader("X-Injected", greeting.text());
        ok.send();
    }

    @Override
    protected void doRegister(SipServletRequest request) {
        if (request.getHeader("X-Challenge") != null && request.getHeader("Proxy-Authorization") == null) {
            SipServletResponse challenge = request.createResponse(407);
            challenge.setHeader("Proxy-Authenticate", "Digest realm=\"example.com\", nonce=\"abc\", qop=\"auth\"");
            challenge.send();
            return;
        }
        SipServletResponse ok = request.createResponse(200);
        String contact = request.getHeader("Contact");
        if (contact != null) {
            ok.setHeader("Contact", contact);
        }
        ok.setHeader("Expires", "3600");
        ok.send();
    }

    @Override
    protected void doMessage(SipServletRequest request) {
        request.createResponse(200).send();
    }

    @Override
    protected void doInvite(SipServletRequest request) {
        request.createResponse(200).send();
    }

    @Override
    protected void doUpdate(SipServletRequest request) {
        request.createResponse(200).send();
    }

    @Override
    protected void doBye(SipServletRequest request) {
        request.createResponse(200).send();
    }

    @Override
    protected void doInfo(SipServletRequest request) {
        String body = request.getContent() == null ? "" : request.getContent();
        String command = body.contains(":") ? body.substring(0, body.indexOf(':')) : body;
        String argument = body.contains(":") ? body.substring(body.indexOf(':') + 1) : "";
        SipServletResponse ok = request.createResponse(200);
        switch (command) {
            case "echo" -> {
                ok.send();
                sendInfo(request, argument);
            }
            case "store" -> insert(argument);
            case "fail" -> {
                insert(argument);
                throw new IllegalStateException("failing on purpose after storing " + argument);
            }
            case "answer-then-rollback" -> {
                ok.send();
                insert(argument);
                transaction.setRollbackOnly();
            }
            case "count" -> ok.setContent(Integer.toString(rows.count(argument)), "text/plain");
            case "later" -> later.send(request.getSession().getId(), argument);
            case "timer" -> later.timerService().createTimer(request.getApplicationSession(), 50, argument);
            case "call" -> call(argument);
            default -> {
            }
        }
        if (!ok.isCommitted()) {
            ok.send();
        }
    }

    @Override
    public void timeout(ServletTimer timer) {
        timer.getApplicationSession().getSessions().forEach(session -> {
            SipServletRequest info = session.createRequest("INFO");
            info.setContent(String.valueOf(timer.getInfo()), "text/plain; charset=UTF-8");
            info.send();
        });
    }

    /** The UAC role: INVITE the given URI; the 2xx is ACKed and the call hung up at once. */
    private void call(String uri) {
        SipFactory factory = later.sipFactory();
        SipServletRequest invite = factory.createRequest(factory.createApplicationSession(), "INVITE",
                factory.createAddress("<sip:echo@127.0.0.1>"), factory.createAddress("<" + uri + ">"), "echo");
        invite.send();
    }

    @Override
    protected void doSuccessResponse(SipServletResponse response) {
        if ("INVITE".equals(response.getMethod())) {
            response.createAck().send();
            response.getSession().createRequest("BYE").send();
        }
    }

    private static void sendInfo(SipServletRequest request, String text) {
        SipServletRequest info = request.getSession().createRequest("INFO");
        info.setContent(text, "text/plain; charset=UTF-8");
        info.send();
    }

    private void insert(String key) {
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO SIP_IT_ROW (K) VALUES (?)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
