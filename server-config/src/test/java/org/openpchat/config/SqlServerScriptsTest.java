package org.openpchat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server scripts in sql/sqlserver are exactly what the changelogs generate, so they cannot
 * drift from the schema H2 and PostgreSQL get. After changing a changelog, regenerate them with
 * the command in {@link #REGENERATE} and commit them.
 */
class SqlServerScriptsTest {

    static final String REGENERATE = "mvn -B package -pl chat-ejb,server-config -Dtest=SqlServerScriptsTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dsqlserver.scripts=write";

    @Test
    void theCheckedInScriptsAreWhatTheChangelogsGenerate() throws IOException {
        if ("write".equals(System.getProperty("sqlserver.scripts"))) {
            SqlServerScripts.write();
        }
        Map<String, String> generated = SqlServerScripts.generate();

        assertThat(generated).containsOnlyKeys("mgc-create.sql", "mgc-drop.sql", "mgccomp-create.sql", "mgccomp-drop.sql");
        for (Map.Entry<String, String> script : generated.entrySet()) {
            assertThat(Files.readString(SqlServerScripts.DIRECTORY.resolve(script.getKey())))
                    .as("%s differs from what the changelog generates; regenerate it with: %s", script.getKey(), REGENERATE)
                    .isEqualTo(script.getValue());
        }
    }

    @Test
    void generatingAgainGivesTheSameText() {
        assertThat(SqlServerScripts.generate()).isEqualTo(SqlServerScripts.generate());
    }
}
