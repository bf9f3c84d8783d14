package org.openpchat.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The domain configure-domain.sh made keeps PostgreSQL's password as the alias it created, not in
 * domain.xml; H2's fixed embedded login guards nothing (docs/security.md). Reads the domain's
 * configuration only, so it runs on both databases without a deployment.
 */
class DatabasePasswordIT {

    @Test
    void thePoolsPasswordIsTheAliasWhereTheDatabaseHasOne() throws Exception {
        Path domain = Path.of(System.getProperty("glassfish.home"), "glassfish", "domains", "domain1");
        String configuration = Files.readString(domain.resolve("config/domain.xml"));
        Matcher pools = Pattern.compile("<jdbc-connection-pool [^>]*name=\"(pchat-[a-z]+-pool)\"(.*?)</jdbc-connection-pool>",
                Pattern.DOTALL).matcher(configuration);
        Map<String, String> passwords = new TreeMap<>();
        while (pools.find()) {
            Matcher password = Pattern.compile("<property name=\"password\" value=\"([^\"]*)\"").matcher(pools.group(2));
            passwords.put(pools.group(1), password.find() ? password.group(1) : null);
        }

        assertThat(passwords).containsOnlyKeys("pchat-mgc-pool", "pchat-mgccomp-pool");
        String expected = "postgresql".equals(System.getProperty("pchat.it.database"))
                ? "${ALIAS=pchat-db-password}" : "pchat";
        assertThat(passwords.values()).as("the pools' passwords").containsOnly(expected);
    }
}
