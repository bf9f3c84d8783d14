package org.openpchat.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one authentication mechanism (Jakarta Security 3 allows one a module): the
 * API under {@code /api/} signs in every request with HTTP Basic, the console's pages with a form
 * and a session.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    private BasicSignIn basic;
    @Inject
    private FormSignIn form;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return isApi(request) ? basic.validateRequest(request, response, context)
                : form.validateRequest(request, response, context);
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
