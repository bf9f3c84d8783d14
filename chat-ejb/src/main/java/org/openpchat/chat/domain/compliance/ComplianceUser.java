package org.openpchat.chat.domain.compliance;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who acted: SIP URI, display name (may be null), the directory id and whether the user belongs
 * to this deployment's SIP domain (internal) or is federated.
 */
public record ComplianceUser(String uri, String displayName, long id, boolean internal) implements Serializable {

    public ComplianceUser {
        Objects.requireNonNull(uri, "user uri");
    }

    /** The address part of a {@code sip:} URI, which Lync reports as the e-mail address. */
    public String email() {
        String address = uri.regionMatches(true, 0, "sip:", 0, 4) ? uri.substring(4) : uri;
        return address.contains("@") ? address : "";
    }
}
