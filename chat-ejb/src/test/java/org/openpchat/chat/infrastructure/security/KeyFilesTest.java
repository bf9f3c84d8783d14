package org.openpchat.chat.infrastructure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {

    @Test
    void readsAnOwnerOnlyBase64Key(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(KeyFiles.read(file, "the key")).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAKeyOthersMayRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k.key");
        Files.writeString(file, "AQID");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFiles.read(file, "the key")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600");
    }

    @Test
    void namesTheMissingSetting() {
        assertThatThrownBy(() -> KeyFiles.read("openpchat.test.no-such-key-file", "the key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("-Dopenpchat.test.no-such-key-file");
    }
}
