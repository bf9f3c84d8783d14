package org.openpchat.web.security;

import java.util.Locale;

/** Sign-in names: users sign in with their SIP address, with or without {@code sip:}. */
final class SignInNames {

    private SignInNames() {
    }

    /** {@code Alice@Example.com} and {@code sip:alice@example.com} are both {@code sip:alice@example.com}. */
    static String normalise(String user) {
        if (user == null) {
            return "";
        }
        String name = user.strip().toLowerCase(Locale.ROOT);
        return name.startsWith("sip:") ? name : "sip:" + name;
    }
}
