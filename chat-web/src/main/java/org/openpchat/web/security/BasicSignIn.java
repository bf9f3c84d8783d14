package org.openpchat.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.openpchat.chat.application.directory.SignInThrottle;
import org.openpchat.web.rest.support.Problem;

/**
 * HTTP Basic sign-in for the API (over HTTPS only: web.xml demands a confidential transport),
 * with password guessing throttled per user name and per address: a locked-out caller gets
 * {@code 429} with {@code Retry-After} and its password is not even checked. Every request
 * carries its credentials; no session is kept.
 */
@ApplicationScoped
public class BasicSignIn {

    static final String CHALLENGE = "Basic realm=\"Persistent Chat\", charset=\"UTF-8\"";

    @Inject
    private IdentityStoreHandler identityStores;
    @EJB
    private SignInThrottle throttle;

    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? challenge(response, context) : context.doNothing();
        }
        String[] login = decode(header.substring(6).strip());
        if (login == null) {
            return challenge(response, context);
        }
        String user = SignInNames.normalise(login[0]);
        String address = request.getRemoteAddr();
        long wait = throttle.secondsLocked(user, address);
        if (wait > 0) {
            return throttled(response, wait);
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(user, login[1]));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(user, address);
            return challenge(response, context);
        }
        throttle.succeeded(user, address);
        return context.notifyContainerAboutLogin(result);
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", CHALLENGE);
        return refuse(response, Problem.of(401, "sign in with your SIP address (without sip:) and password"));
    }

    private static AuthenticationStatus throttled(HttpServletResponse response, long seconds) {
        response.setHeader("Retry-After", Long.toString(seconds));
        return refuse(response, Problem.of(429, "too many wrong passwords; try again in " + seconds + " s"));
    }

    /** Answers with the problem document and ends the request here. */
    private static AuthenticationStatus refuse(HttpServletResponse response, Problem problem) {
        try {
            response.setStatus(problem.status());
            response.setContentType(Problem.TYPE.toString());
            response.getOutputStream().write(problem.json().getBytes(StandardCharsets.UTF_8));
            response.flushBuffer();
        } catch (IOException e) {
            // the caller went away; it is refused either way
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** {@code user:password} from the Basic credentials, or null when they are malformed. */
    static String[] decode(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
