package org.openpchat.sip.container;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The selection rule of one servlet: methods and request URI user/host patterns. */
record ServletRule(Set<String> methods, Pattern user, Pattern host, int order) {

    static ServletRule of(SipServletActivationSpec spec) {
        Set<String> methods = spec.getMethods() == null ? Set.of()
                : Arrays.stream(spec.getMethods().split(",")).map(String::strip).filter(m -> !m.isEmpty())
                        .map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        return new ServletRule(methods, SipServletActivationSpec.compile(spec.getRequestUser()),
                SipServletActivationSpec.compile(spec.getRequestHost()),
                spec.getOrder() == null ? 100 : spec.getOrder());
    }

    boolean matches(String method, String uriUser, String uriHost) {
        return (methods.isEmpty() || methods.contains(method))
                && (user == null || uriUser != null && user.matcher(uriUser).matches())
                && (host == null || uriHost != null && host.matcher(uriHost).matches());
    }
}
