package org.openpchat.chat.application.access;

import org.openpchat.chat.domain.principal.PrincipalId;

/** A front end that keeps people in rooms (the SIP chat dialogs) and must hear when rights change. */
public interface AccessListener {

    /** A change that may take rooms away from people was committed: check who may stay where. */
    void accessChanged(AccessChanged change);

    /** The user's credential changed or the user was removed: what they signed in with proves nothing now. */
    void credentialChanged(PrincipalId user);
}
