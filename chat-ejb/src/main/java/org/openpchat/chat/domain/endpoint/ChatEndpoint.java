package org.openpchat.chat.domain.endpoint;

import java.util.Locale;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.domain.shared.Validate;

/**
 * A SIP address the chat pool answers (Lync's New-CsPersistentChatEndpoint): clients open their
 * chat dialogs with an INVITE to it. Addresses are {@code sip:user@domain}, kept in lower case.
 */
public class ChatEndpoint {

    public static final int MAX_ADDRESS = 400;

    private Long id;
    private String sipAddress;
    private String displayName;
    private long version;

    protected ChatEndpoint() {
    }

    public ChatEndpoint(String sipAddress, String displayName) {
        this.sipAddress = normalise(sipAddress);
        this.displayName = Validate.optionalText(displayName, "display name", 256);
    }

    /** {@code sip:pchat@example.com}; {@code sip:} is required, case is ignored. */
    public static String normalise(String sipAddress) {
        String address = Validate.name(sipAddress, "SIP address", MAX_ADDRESS).toLowerCase(Locale.ROOT);
        if (!address.startsWith("sip:")) {
            throw DomainException.invalid("an endpoint's SIP address starts with sip: " + sipAddress);
        }
        String userAtHost = address.substring(4);
        int at = userAtHost.indexOf('@');
        if (at <= 0 || at != userAtHost.lastIndexOf('@') || at == userAtHost.length() - 1
                || userAtHost.chars().anyMatch(c -> Character.isWhitespace(c) || c == ';' || c == '>' || c == '<')) {
            throw DomainException.invalid("not a SIP address (sip:user@domain): " + sipAddress);
        }
        return address;
    }

    public Long id() {
        return id;
    }

    public String sipAddress() {
        return sipAddress;
    }

    public String displayName() {
        return displayName;
    }
}
