package org.openpchat.chat.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.shared.DomainException;

@ApplicationScoped
public class JpaCredentialStore implements CredentialStore {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;

    protected JpaCredentialStore() {
    }

    public JpaCredentialStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void setPassword(PrincipalId user, String password) {
        if (user.kind() != PrincipalKind.USER) {
            throw DomainException.invalid("only users have passwords: " + user);
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw DomainException.invalid("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential == null) {
            credential = new UserCredential(user.toString());
            em.persist(credential);
        }
        String address = user.name();
        String realm = user.sipDomain();
        String shortName = address.substring(0, address.indexOf('@'));
        credential.update(PasswordHashing.pbkdf2(password), PasswordHashing.ha1(shortName, realm, password),
                PasswordHashing.ha1(address, realm, password));
    }

    @Override
    public boolean verifyPassword(PrincipalId user, String password) {
        UserCredential credential = em.find(UserCredential.class, user.toString());
        return credential != null && password != null && PasswordHashing.verify(password, credential.passwordHash());
    }

    @Override
    public Optional<String> digestHa1(PrincipalId user, String digestUsername) {
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential == null || digestUsername == null) {
            return Optional.empty();
        }
        return Optional.of(digestUsername.contains("@") ? credential.ha1Full() : credential.ha1Short());
    }

    @Override
    public void remove(PrincipalId user) {
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential != null) {
            em.remove(credential);
        }
    }
}
