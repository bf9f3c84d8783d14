package org.openpchat.chat.sip.auth;

import java.util.Locale;
import org.openpchat.sip.servlet.Address;
import org.openpchat.sip.servlet.SipURI;
import org.openpchat.sip.servlet.URI;

/** The user a SIP address names, as the directory keys it: {@code alice@example.com}. */
public final class SipUsers {

    private SipUsers() {
    }

    public static String userOf(Address address) {
        return address == null ? null : userOf(address.getURI());
    }

    public static String userOf(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && sip.getHost() != null) {
            return (sip.getUser() + "@" + sip.getHost()).toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
