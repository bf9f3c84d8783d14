package org.openpchat.chat.domain.principal;

import java.util.Optional;

/**
 * Users' secrets. Passwords are never stored: a salted PBKDF2 hash checks web and API logins,
 * and SIP Digest needs HA1 = MD5(username:realm:password), kept for both usernames clients send
 * ({@code alice} and {@code alice@example.com}) with the user's SIP domain as realm.
 */
public interface CredentialStore {

    void setPassword(PrincipalId user, String password);

    boolean verifyPassword(PrincipalId user, String password);

    /** HA1 for the given Digest username (with or without the domain part), if the user has one. */
    Optional<String> digestHa1(PrincipalId user, String digestUsername);

    void remove(PrincipalId user);
}
