package org.openpchat.chat.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Optional;
import org.openpchat.chat.domain.principal.CredentialStore;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.openpchat.chat.domain.shared.DomainException;

/**
 * Credentials in mgc's USER_CREDENTIAL: the PBKDF2 hash of web sign-in, and the two SIP Digest
 * HA1 values encrypted with the server's key ({@link Ha1Cipher}), which is not in the database.
 */
@ApplicationScoped
public class JpaCredentialStore implements CredentialStore {

    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;
    private static final String SHORT = "HA1_SHORT";
    private static final String FULL = "HA1_FULL";

    @PersistenceContext(unitName = "mgc")
    private EntityManager em;
    @Inject
    private Pbkdf2PasswordHash hash;
    @Inject
    private ConfiguredHa1Cipher configuredCipher;
    private Ha1Cipher cipher;

    protected JpaCredentialStore() {
    }

    public JpaCredentialStore(EntityManager em, Pbkdf2PasswordHash hash, Ha1Cipher cipher) {
        this.em = em;
        this.hash = PasswordHashes.configure(hash);
        this.cipher = cipher;
    }

    private Ha1Cipher cipher() {
        return cipher != null ? cipher : configuredCipher.get();
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
        String owner = user.toString();
        credential.updateDigest(cipher().encrypt(DigestHa1.of(shortName, realm, password), owner, SHORT),
                cipher().encrypt(DigestHa1.of(address, realm, password), owner, FULL));
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
        String owner = user.toString();
        return Optional.of(digestUsername.contains("@") ? cipher().decrypt(credential.ha1Full(), owner, FULL)
                : cipher().decrypt(credential.ha1Short(), owner, SHORT));
    }

    /**
     * Encrypts the HA1 values that earlier releases stored in clear (32 hex digits; encrypted ones
     * are longer) and returns how many users had them.
     */
    public int encryptPlainDigests() {
        List<UserCredential> plain = em.createQuery("SELECT c FROM UserCredential c"
                + " WHERE LENGTH(c.ha1Short) = 32 OR LENGTH(c.ha1Full) = 32", UserCredential.class).getResultList();
        for (UserCredential credential : plain) {
            String owner = credential.principalKey();
            credential.encryptDigest(encryptIfPlain(credential.ha1Short(), owner, SHORT),
                    encryptIfPlain(credential.ha1Full(), owner, FULL));
        }
        return plain.size();
    }

    private String encryptIfPlain(String stored, String owner, String column) {
        return Ha1Cipher.isPlain(stored) ? cipher().encrypt(stored, owner, column) : stored;
    }

    @Override
    public void remove(PrincipalId user) {
        UserCredential credential = em.find(UserCredential.class, user.toString());
        if (credential != null) {
            em.remove(credential);
        }
    }
}
