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

    @Column(name = "PASSWORD_HASH", length = 256, nullable = false)
    private String passwordHash;

    /** MD5(user:realm:password) for the Digest username without the domain part. */
    @Column(name = "HA1_SHORT", length = 32, nullable = false)
    private String ha1Short;

    /** MD5(user@domain:realm:password) for the Digest username with the domain part. */
    @Column(name = "HA1_FULL", length = 32, nullable = false)
    private String ha1Full;

    protected UserCredential() {
    }

    public UserCredential(String principalKey) {
        this.principalKey = principalKey;
    }

    void update(String passwordHash, String ha1Short, String ha1Full) {
        this.passwordHash = passwordHash;
        this.ha1Short = ha1Short;
        this.ha1Full = ha1Full;
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
