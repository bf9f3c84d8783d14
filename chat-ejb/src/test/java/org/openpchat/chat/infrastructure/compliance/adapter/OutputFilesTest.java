package org.openpchat.chat.infrastructure.compliance.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compliance output holds every post: what the adapters create is readable by the server's user only. */
class OutputFilesTest {

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void createsFoldersAndFilesOwnerOnly(@TempDir Path root) throws Exception {
        Path folder = OutputFiles.prepare(root.resolve("compliance/out"));
        Path file = folder.resolve("XmlAdapter_1.xml");
        OutputFiles.write(file, "<x/>".getBytes());

        assertThat(mode(root.resolve("compliance"))).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo("<x/>");
        assertThat(folder.resolve("XmlAdapter_1.xml.partial")).doesNotExist();
    }

    @Test
    void anExistingFolderIsUsedAsItIs(@TempDir Path root) throws Exception {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(OutputFiles.prepare(root)).isEqualTo(root);
        assertThat(mode(root)).isEqualTo("rwxr-x---");
    }
}
