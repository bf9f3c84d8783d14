package org.openpchat.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.it.PchatDeployment;

/**
 * The SIP Digest HA1 values (password-equivalent) are in the database only encrypted, with a key
 * that is not in the database; the directory still hands the SIP authenticator the real HA1.
 */
@ExtendWith(ArquillianExtension.class)
class StoredCredentialsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(StoredCredentialsIT.class);
    }

    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;

    @Test
    void theDemoUsersHa1IsEncryptedAtRestAndClearForTheAuthenticator() throws Exception {
        String ha1Short = md5("alice:example.com:Passw0rd!");
        String ha1Full = md5("alice@example.com:example.com:Passw0rd!");
        try (Connection connection = mgc.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT HA1_SHORT, HA1_FULL FROM USER_CREDENTIAL WHERE PRINCIPAL_KEY = ?")) {
            query.setString(1, "sip:alice@example.com");
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("alice's credential row").isTrue();
                assertThat(row.getString(1)).startsWith("A1:").doesNotContainIgnoringCase(ha1Short);
                assertThat(row.getString(2)).startsWith("A1:").doesNotContainIgnoringCase(ha1Full);
            }
        }
        assertThat(directory.digestHa1("alice@example.com", "alice")).contains(ha1Short);
        assertThat(directory.digestHa1("alice@example.com", "alice@example.com")).contains(ha1Full);
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
