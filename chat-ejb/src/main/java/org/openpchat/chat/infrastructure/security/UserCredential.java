package org.openpchat.chat.infrastructure.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "USER_CREDENTIAL")
public class UserCredential {

    @Id
    @Column(name = "PRINCIPAL_KEY", length = 400)
    private String principalKey;

    /** Null while a bulk import has not yet hashed the web credential. */
    @Column(name = "PASSWORD_HASH", length = 256)
    private String passwordHash;

    /** MD5(user:realm:password) for the Digest username without the domain part, encrypted (Ha1Cipher). */
    @Column(name = "HA1_SHORT", length = 100, nullable = false)
    private String ha1Short;

    /** MD5(user@domain:realm:password) for the Digest username with the domain part, encrypted. */
    @Column(name = "HA1_FULL", length = 100, nullable = false)
    private String ha1Full;

    protected UserCredential() {
    }

    public UserCredential(String principalKey) {
        this.principalKey = principalKey;
    }

    void updateDigest(String newHa1Short, String newHa1Full) {
        this.passwordHash = null;
        this.ha1Short = newHa1Short;
        this.ha1Full = newHa1Full;
    }

    /** The same HA1 values, now encrypted: the web credential stays. */
    void encryptDigest(String encryptedHa1Short, String encryptedHa1Full) {
        this.ha1Short = encryptedHa1Short;
        this.ha1Full = encryptedHa1Full;
    }

    String principalKey() {
        return principalKey;
    }

    void updateHash(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    String passwordHash() {
        return passwordHash;
    }

    String ha1Short() {
        return ha1Short;
    }

    String ha1Full() {
        return ha1Full;
    }
}
