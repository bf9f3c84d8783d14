package org.openpchat.chat.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.principal.AffiliationResolver;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.principal.PrincipalKind;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.openpchat.chat.infrastructure.security.Ha1Cipher;
import org.openpchat.chat.infrastructure.security.JpaCredentialStore;

class JpaDirectoryMappingTest {

    private static final Ha1Cipher CIPHER = new Ha1Cipher(new byte[32]);
    private final JpaTestDatabase db = new JpaTestDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void nestedGroupsResolveThroughTheDatabase() {
        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            Principal dave = Principal.user(PrincipalId.user("dave@example.com"), "Dave");
            dave.placeIn(PrincipalId.ou("OU=Analysts,OU=Research,DC=example,DC=com"));
            principals.add(dave);
            Principal analysts = Principal.group(PrincipalId.group("analysts"), "Analysts");
            analysts.addMember(dave.principalId());
            principals.add(analysts);
            Principal staff = Principal.group(PrincipalId.group("staff"), null);
            staff.addMember(PrincipalId.group("analysts"));
            principals.add(staff);
        });

        Affiliations dave = db.inTransaction(em ->
                new AffiliationResolver(new JpaPrincipalRepository(em)).resolve(PrincipalId.user("dave@example.com")));

        assertThat(dave.ids()).contains(PrincipalId.group("analysts"), PrincipalId.group("staff"),
                PrincipalId.ou("OU=Analysts,OU=Research,DC=example,DC=com"),
                PrincipalId.ou("OU=Research,DC=example,DC=com"), PrincipalId.domain("example.com"));
    }

    @Test
    void searchFindsByNameOrDisplayNameWithinAKind() {
        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            principals.add(Principal.user(PrincipalId.user("alice@example.com"), "Alice Liddell"));
            principals.add(Principal.user(PrincipalId.user("bob@example.com"), "Bob 100%"));
            principals.add(Principal.group(PrincipalId.group("alice-fans"), null));
        });

        db.run(em -> {
            JpaPrincipalRepository principals = new JpaPrincipalRepository(em);
            assertThat(principals.search(PrincipalKind.USER, "LIDDELL", 10)).extracting(Principal::displayName)
                    .containsExactly("Alice Liddell");
            assertThat(principals.search(PrincipalKind.USER, "alice", 10)).hasSize(1);
            assertThat(principals.search(PrincipalKind.USER, "100%", 10)).extracting(Principal::displayName)
                    .containsExactly("Bob 100%");
            assertThat(principals.search(PrincipalKind.USER, "_", 10)).isEmpty();
            assertThat(principals.search(PrincipalKind.GROUP, "", 10)).hasSize(1);
        });
    }

    @Test
    void credentialsVerifyAndGiveDigestHashes() {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        db.run(em -> store(em).setPassword(alice, "Passw0rd!"));

        db.run(em -> {
            JpaCredentialStore store = store(em);
            assertThat(store.verifyPassword(alice, "Passw0rd!")).isTrue();
            assertThat(store.verifyPassword(alice, "passw0rd!")).isFalse();
            assertThat(store.digestHa1(alice, "alice")).contains(md5Hex("alice:example.com:Passw0rd!"));
            assertThat(store.digestHa1(alice, "alice@example.com")).contains(md5Hex("alice@example.com:example.com:Passw0rd!"));
            assertThat(store.digestHa1(PrincipalId.user("nobody@example.com"), "nobody")).isEmpty();
        });
    }

    /** The HA1 values are password-equivalent: the database holds them only encrypted. */
    @Test
    void theDigestHashesAreStoredEncryptedAndClearOnesOfEarlierReleasesGetEncrypted() {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        PrincipalId bob = PrincipalId.user("bob@example.com");
        db.run(em -> store(em).setPassword(alice, "Passw0rd!"));
        db.run(em -> store(em).setPassword(bob, "Passw0rd!"));
        String aliceShort = md5Hex("alice:example.com:Passw0rd!");
        db.run(em -> {
            String stored = (String) em.createNativeQuery(
                    "SELECT HA1_SHORT FROM USER_CREDENTIAL WHERE PRINCIPAL_KEY = 'sip:alice@example.com'").getSingleResult();
            assertThat(stored).startsWith("A1:").doesNotContain(aliceShort);
            // as an earlier release left it
            em.createNativeQuery("UPDATE USER_CREDENTIAL SET HA1_SHORT = '" + aliceShort + "', HA1_FULL = '"
                    + md5Hex("alice@example.com:example.com:Passw0rd!") + "' WHERE PRINCIPAL_KEY = 'sip:alice@example.com'")
                    .executeUpdate();
        });
        db.run(em -> assertThat(store(em).digestHa1(alice, "alice")).as("a clear value still works").contains(aliceShort));

        assertThat(db.<Integer>inTransaction(em -> store(em).encryptPlainDigests())).isEqualTo(1);

        db.run(em -> {
            assertThat(em.createNativeQuery("SELECT HA1_SHORT FROM USER_CREDENTIAL").getResultList())
                    .allSatisfy(v -> assertThat((String) v).startsWith("A1:"));
            assertThat(em.createNativeQuery("SELECT HA1_FULL FROM USER_CREDENTIAL").getResultList())
                    .allSatisfy(v -> assertThat((String) v).startsWith("A1:"));
            assertThat(store(em).digestHa1(alice, "alice")).contains(aliceShort);
            assertThat(store(em).digestHa1(bob, "bob@example.com")).contains(md5Hex("bob@example.com:example.com:Passw0rd!"));
            assertThat(store(em).verifyPassword(alice, "Passw0rd!")).as("the web credential stays").isTrue();
        });
        assertThat(db.<Integer>inTransaction(em -> store(em).encryptPlainDigests())).isZero();
    }

    @Test
    void theStoredHashIsThePlatformsPbkdf2Format() {
        PrincipalId alice = PrincipalId.user("alice@example.com");
        db.run(em -> store(em).setPassword(alice, "Passw0rd!"));

        db.run(em -> {
            String stored = (String) em.createNativeQuery("SELECT PASSWORD_HASH FROM USER_CREDENTIAL").getSingleResult();
            assertThat(stored).startsWith("PBKDF2WithHmacSHA256:210000:");
            Pbkdf2PasswordHashImpl platform = new Pbkdf2PasswordHashImpl();
            platform.initialize(java.util.Map.of());
            assertThat(platform.verify("Passw0rd!".toCharArray(), stored)).isTrue();
        });
    }

    @Test
    void aSipOnlyCredentialSignsInOverSipButNotToTheWebUntilItsHashFollows() {
        PrincipalId bob = PrincipalId.user("bob@example.com");
        db.run(em -> store(em).setSipPassword(bob, "Passw0rd!"));
        db.run(em -> {
            assertThat(store(em).digestHa1(bob, "bob")).contains(md5Hex("bob:example.com:Passw0rd!"));
            assertThat(store(em).verifyPassword(bob, "Passw0rd!")).isFalse();
        });

        db.run(em -> store(em).setWebPassword(bob, "Passw0rd!"));
        db.run(em -> assertThat(store(em).verifyPassword(bob, "Passw0rd!")).isTrue());
    }

    private static JpaCredentialStore store(jakarta.persistence.EntityManager em) {
        return new JpaCredentialStore(em, new Pbkdf2PasswordHashImpl(), CIPHER);
    }

    private static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
