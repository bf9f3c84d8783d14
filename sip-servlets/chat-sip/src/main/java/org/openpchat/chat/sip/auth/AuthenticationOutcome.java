package org.openpchat.chat.sip.auth;

/** What the authenticator decided about a request. */
public sealed interface AuthenticationOutcome {

    /** The request speaks for this user (a SIP address without "sip:"). */
    record Authenticated(String user) implements AuthenticationOutcome {
    }

    /** Ask for (fresh) credentials with a 407. */
    record Challenge(boolean stale) implements AuthenticationOutcome {
    }

    /** Credentials were given and are wrong: 403 with this reason. */
    record Refused(String reason) implements AuthenticationOutcome {
    }
}
