package org.openpchat.chat.sip.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.directory.SignInThrottle;
import org.openpchat.chat.sip.registrar.Registrations;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Decides who a request speaks for. A TCP or TLS connection whose REGISTER passed Digest is
 * trusted for that user until it closes; any other request must carry its own
 * {@code Proxy-Authorization} (UDP always: it has no connection to trust). Digest follows RFC
 * 7616: {@code qop=auth} only, nonces bound to the flow they were issued on and never accepted
 * twice with the same count, the {@code uri} checked, and wrong passwords counted by the shared
 * {@link SignInThrottle}. SIPE resends a challenged request with the same branch and CSeq; the
 * container treats that as new.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SipAuthenticator {

    private static final Logger LOG = Logger.getLogger(SipAuthenticator.class.getName());
    private static final Duration NONCE_LIFETIME = Duration.ofMinutes(5);

    @EJB
    private DirectoryService directory;
    @EJB
    private Registrations registrations;
    @EJB
    private SignInThrottle throttle;

    private final Nonces nonces = new Nonces(Clock.systemUTC(), NONCE_LIFETIME);
    private final String realm = new ChatServerSettings().sipDomain();
    private AuthenticationMode mode;

    @PostConstruct
    void start() {
        mode = AuthenticationMode.configured();
        if (mode == AuthenticationMode.NONE) {
            LOG.warning("SIP authentication is OFF (" + AuthenticationMode.PROPERTY
                    + "=none): every request is trusted to be from its From user. Development only.");
        }
    }

    public AuthenticationMode mode() {
        return mode;
    }

    public AuthenticationOutcome authenticate(SipServletRequest request) {
        String user = SipUsers.userOf(request.getFrom());
        if (user == null) {
            return new AuthenticationOutcome.Refused("the From header names no SIP user");
        }
        Flow flow = Flow.of(request);
        if (mode == AuthenticationMode.NONE || registrations.trusts(flow, user)) {
            return new AuthenticationOutcome.Authenticated(user);
        }
        return checkCredentials(request, user, flow);
    }

    private AuthenticationOutcome checkCredentials(SipServletRequest request, String user, Flow flow) {
        DigestCredentials credentials = DigestCredentials.parse(request.getHeader("Proxy-Authorization"));
        if (credentials == null || !credentials.complete() || !realm.equalsIgnoreCase(credentials.get("realm"))) {
            return new AuthenticationOutcome.Challenge(false);
        }
        if (!"auth".equalsIgnoreCase(credentials.get("qop")) || credentials.get("nc") == null
                || credentials.get("cnonce") == null) {
            return new AuthenticationOutcome.Refused("Digest needs qop=auth with nc and cnonce");
        }
        switch (nonces.use(credentials.get("nonce"), flow, credentials.get("nc"))) {
            case INVALID, REPLAYED -> {
                return new AuthenticationOutcome.Challenge(false);
            }
            case STALE -> {
                return new AuthenticationOutcome.Challenge(true);
            }
            default -> {
                // issued to this flow, fresh, and a count not seen before
            }
        }
        if (!namesUser(credentials.username(), user)) {
            return new AuthenticationOutcome.Refused("the Digest username does not match the From user");
        }
        if (!DigestUris.names(credentials.get("uri"), request.getRequestURI().toString())) {
            return new AuthenticationOutcome.Refused("the Digest uri is not the request's");
        }
        long locked = throttle.secondsLocked(user, flow.address());
        if (locked > 0) {
            return new AuthenticationOutcome.Refused("too many failed sign-ins; try again in " + locked + " s");
        }
        Optional<String> ha1 = directory.digestHa1(user, credentials.username());
        if (ha1.isEmpty() || !DigestCalculator.matches(ha1.get(), request.getMethod(), credentials)) {
            throttle.failed(user, flow.address());
            return new AuthenticationOutcome.Refused("wrong user name or password");
        }
        throttle.succeeded(user, flow.address());
        return new AuthenticationOutcome.Authenticated(user);
    }

    /** SIPE sends the login as {@code alice} or {@code alice@example.com}. */
    private static boolean namesUser(String username, String user) {
        String name = username.toLowerCase(Locale.ROOT);
        return name.equals(user) || name.indexOf('@') < 0 && user.startsWith(name + "@");
    }

    /** Answers the request as the outcome demands; returns the user, or null if it answered. */
    public String requireUser(SipServletRequest request) {
        AuthenticationOutcome outcome = authenticate(request);
        if (outcome instanceof AuthenticationOutcome.Authenticated authenticated) {
            return authenticated.user();
        }
        if (outcome instanceof AuthenticationOutcome.Challenge challenge) {
            SipServletResponse response = request.createResponse(407, "Proxy Authentication Required");
            response.setHeader("Proxy-Authenticate", "Digest realm=\"" + realm + "\", nonce=\""
                    + nonces.issue(Flow.of(request)) + "\", qop=\"auth\", algorithm=MD5"
                    + (challenge.stale() ? ", stale=true" : ""));
            response.send();
        } else {
            request.createResponse(403, ((AuthenticationOutcome.Refused) outcome).reason()).send();
        }
        return null;
    }
}
