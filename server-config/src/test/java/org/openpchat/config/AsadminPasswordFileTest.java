package org.openpchat.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What asadmin reads back (Properties.load, as its CLIUtil does) is the password given. */
class AsadminPasswordFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "back\\slash\\\\", " lead space", "a=b:c#d!e", "ümläut €", "emoji \uD83D\uDE00 x",
            "\\u0041"})
    void asadminReadsTheAliasPasswordAndTheAdministratorsBack(String password) throws Exception {
        Path source = dir.resolve("pchat-admin-password");
        Files.writeString(source, "AS_ADMIN_PASSWORD=generated123\n");
        Path target = dir.resolve("setup-passwords");

        AsadminPasswordFile.write(target, source, password);

        Properties read = new Properties();
        try (InputStream in = Files.newInputStream(target)) {
            read.load(in);
        }
        assertThat(read.getProperty("AS_ADMIN_ALIASPASSWORD")).isEqualTo(password);
        assertThat(read.getProperty("AS_ADMIN_PASSWORD")).isEqualTo("generated123");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }
}
