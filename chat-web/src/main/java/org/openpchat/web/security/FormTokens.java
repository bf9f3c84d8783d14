package org.openpchat.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anti-forgery token of the sign-in form, which Faces' view state does not cover because it
 * posts to {@code j_security_check}: a random value kept in the session and sent in the form, so a
 * page elsewhere cannot sign a browser in under an attacker's account.
 */
public final class FormTokens {

    public static final String PARAMETER = "csrf";
    private static final String ATTRIBUTE = FormTokens.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormTokens() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        String token = (String) session.getAttribute(ATTRIBUTE);
        return token != null ? token : renew(session);
    }

    static String renew(HttpSession session) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, token);
        return token;
    }

    static boolean matches(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
        String sent = request.getParameter(PARAMETER);
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(), sent.getBytes());
    }
}
