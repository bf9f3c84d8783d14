package org.openpchat.sip.container;

import java.lang.reflect.Method;
import java.util.Set;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

/**
 * Whether a servlet does anything with the responses to the requests it sends. A SipServlet that
 * overrides none of the methods responses reach does nothing with them, and handing each one to a
 * message-driven bean costs a delivery and a transaction: a chat post fanned out to 150 members
 * comes back as 150 {@code 200 OK}s. Such a servlet is not given them. A servlet that is no
 * SipServlet, or whose class is unknown, gets every response.
 */
final class ResponseInterest {

    private static final Set<String> RESPONSE_METHODS = Set.of("doResponse", "doProvisionalResponse",
            "doSuccessResponse", "doRedirectResponse", "doErrorResponse");

    private ResponseInterest() {
    }

    static boolean of(Class<?> endpointClass) {
        if (endpointClass == null || !SipServlet.class.isAssignableFrom(endpointClass)) {
            return true;
        }
        for (Class<?> c = endpointClass; c != SipServlet.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (handlesResponses(method)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean handlesResponses(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (RESPONSE_METHODS.contains(method.getName())) {
            return parameters.length == 1 && parameters[0] == SipServletResponse.class;
        }
        return method.getName().equals("service") && parameters.length == 2
                && parameters[0] == SipServletRequest.class && parameters[1] == SipServletResponse.class;
    }
}
