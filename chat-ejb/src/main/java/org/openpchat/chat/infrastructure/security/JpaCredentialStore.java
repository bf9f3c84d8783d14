package org.openpchat.chat.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
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
    @Inject
    private Pbkdf2PasswordHash hash;

    protected JpaCredentialStore() {
    }

    public JpaCredentialStore(EntityManager em, Pbkdf2PasswordHash hash) {
        this.em = em;
        this.hash = PasswordHashes.configure(hash);
    }

    @PostConstruct
    void configureHash() {
        PasswordHashes.configure(hash);
    }

    @Override
    public void setPassword(PrincipalId user, String password) {
        setSipPassword(user, password);
        setWebPassword(user, password);
    }

    @Override
    public void setSipPassword(PrincipalId user, String password) {
        requireValid(user, password);
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential == null) {
            credential = new UserCredential(user.toString());
            em.persist(credential);
        }
        String address = user.name();
        String realm = user.sipDomain();
        String shortName = address.substring(0, address.indexOf('@'));
        credential.updateDigest(DigestHa1.of(shortName, realm, password), DigestHa1.of(address, realm, password));
    }

    @Override
    public void setWebPassword(PrincipalId user, String password) {
        requireValid(user, password);
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential == null) {
            throw DomainException.notFound(user + " has no SIP credential yet");
        }
        credential.updateHash(hash.generate(password.toCharArray()));
    }

    private static void requireValid(PrincipalId user, String password) {
        if (user.kind() != PrincipalKind.USER) {
            throw DomainException.invalid("only users have passwords: " + user);
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw DomainException.invalid("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }

    @Override
    public boolean verifyPassword(PrincipalId user, String password) {
        UserCredential credential = em.find(UserCredential.class, user.toString());
        return credential != null && password != null && credential.passwordHash() != null
                && hash.verify(password.toCharArray(), credential.passwordHash());
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
