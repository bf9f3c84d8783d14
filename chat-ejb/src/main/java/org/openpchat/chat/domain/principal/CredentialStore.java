package org.openpchat.chat.domain.principal;

import java.util.Optional;

/**
 * Users' secrets. Passwords are never stored: a salted PBKDF2 hash checks web and API logins,
 * and SIP Digest needs HA1 = MD5(username:realm:password), kept for both usernames clients send
 * ({@code alice} and {@code alice@example.com}) with the user's SIP domain as realm.
 */
public interface CredentialStore {

    void setPassword(PrincipalId user, String password);

    /**
     * Sets only the SIP Digest credential (cheap) and clears the web credential; the web one
     * follows with {@link #setWebPassword}. A bulk import uses the two steps so thousands of users
     * can sign in over SIP long before their PBKDF2 hashes are all computed.
     */
    void setSipPassword(PrincipalId user, String password);

    /** Sets the PBKDF2 hash that web and API sign-in check, keeping the SIP credential. */
    void setWebPassword(PrincipalId user, String password);

    boolean verifyPassword(PrincipalId user, String password);

    /** HA1 for the given Digest username (with or without the domain part), if the user has one. */
    Optional<String> digestHa1(PrincipalId user, String digestUsername);

    void remove(PrincipalId user);
}
