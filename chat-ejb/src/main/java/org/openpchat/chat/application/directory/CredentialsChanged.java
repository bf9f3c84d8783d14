package org.openpchat.chat.application.directory;

import org.openpchat.chat.domain.principal.PrincipalId;

/** A user's SIP credential was set, replaced or removed: what was proved with the old one proves nothing now. */
public record CredentialsChanged(PrincipalId user) {
}
