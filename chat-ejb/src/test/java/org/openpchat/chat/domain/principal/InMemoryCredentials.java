package org.openpchat.chat.domain.principal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Passwords kept as they are, for use case tests (the real store keeps only hashes). */
public class InMemoryCredentials implements CredentialStore {

    private final Map<PrincipalId, String> passwords = new LinkedHashMap<>();

    @Override
    public void setPassword(PrincipalId user, String password) {
        passwords.put(user, password);
    }

    @Override
    public void setSipPassword(PrincipalId user, String password) {
        passwords.put(user, password);
    }

    @Override
    public void setWebPassword(PrincipalId user, String password) {
        passwords.put(user, password);
    }

    @Override
    public boolean verifyPassword(PrincipalId user, String password) {
        return password != null && password.equals(passwords.get(user));
    }

    /** A stand-in for HA1: the username and the password it would hash. */
    @Override
    public Optional<String> digestHa1(PrincipalId user, String digestUsername) {
        return Optional.ofNullable(passwords.get(user)).map(password -> digestUsername + ":" + password);
    }

    @Override
    public void remove(PrincipalId user) {
        passwords.remove(user);
    }

    public Map<PrincipalId, String> passwords() {
        return Map.copyOf(passwords);
    }
}
