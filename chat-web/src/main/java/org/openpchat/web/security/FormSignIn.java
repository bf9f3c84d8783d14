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
import jakarta.servlet.http.HttpSession;
import org.openpchat.chat.application.directory.CredentialGenerations;
import org.openpchat.chat.application.directory.SignInThrottle;

/**
 * Form sign-in for the console: the sign-in page posts {@code j_username} and {@code j_password}
 * (and its anti-forgery token) to {@code j_security_check}; a valid password starts a fresh
 * session (new id) that holds the sign-in until sign-out, the session timeout, or a change of the
 * user's password. Wrong passwords count against the same throttle as the API's.
 */
@ApplicationScoped
public class FormSignIn {

    public static final String PAGE = "/login.xhtml";
    static final String RETURN_TO = FormSignIn.class.getName() + ".returnTo";

    @Inject
    private IdentityStoreHandler identityStores;
    @EJB
    private SignInThrottle throttle;
    @EJB
    private CredentialGenerations generations;

    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        if (request.getRequestURI().endsWith("/j_security_check")) {
            return signIn(request, context);
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SignedIn.ATTRIBUTE);
        if (signedIn != null) {
            if (signedIn.credentialGeneration() == generations.of(signedIn.user())) {
                return context.notifyContainerAboutLogin(signedIn.user(), signedIn.groups());
            }
            session.invalidate();
            return context.isProtected() ? context.redirect(page(request, "expired")) : context.doNothing();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if ("GET".equals(request.getMethod())) {
            request.getSession().setAttribute(RETURN_TO, requestedPath(request));
        }
        return context.redirect(page(request, null));
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
        if (!"POST".equals(request.getMethod()) || !FormTokens.matches(request)) {
            return context.redirect(page(request, "expired"));
        }
        String name = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            return context.redirect(page(request, "wrong"));
        }
        String user = SignInNames.normalise(name);
        String address = request.getRemoteAddr();
        long wait = throttle.secondsLocked(user, address);
        if (wait > 0) {
            return context.redirect(page(request, "wait") + "&seconds=" + wait);
        }
        long generation = generations.of(user);
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(user, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(user, address);
            return context.redirect(page(request, "wrong"));
        }
        throttle.succeeded(user, address);
        HttpSession session = request.getSession();
        String returnTo = (String) session.getAttribute(RETURN_TO);
        session.removeAttribute(RETURN_TO);
        request.changeSessionId();
        session.setAttribute(SignedIn.ATTRIBUTE, new SignedIn(result.getCallerPrincipal().getName(),
                result.getCallerGroups(), generation));
        FormTokens.renew(session);
        boolean administrator = result.getCallerGroups().contains(DirectoryIdentityStore.ADMINISTRATORS);
        return context.redirect(request.getContextPath() + landing(returnTo, administrator));
    }

    /** Where to go after signing in: the page asked for, or the user's start page. */
    static String landing(String returnTo, boolean administrator) {
        if (returnTo != null && (returnTo.startsWith("/rooms/") || administrator && returnTo.startsWith("/admin/"))) {
            return returnTo;
        }
        return administrator ? "/admin/" : "/rooms/";
    }

    private static String requestedPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    private static String page(HttpServletRequest request, String error) {
        return request.getContextPath() + PAGE + (error == null ? "" : "?error=" + error);
    }
}
