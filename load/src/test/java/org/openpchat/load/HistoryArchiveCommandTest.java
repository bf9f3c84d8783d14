package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryArchiveCommandTest {

    private static final String ROOMS = "[{\"uid\":\"r-lobby\",\"room\":{\"name\":\"Lobby\"}},"
            + "{\"uid\":\"r-history\",\"room\":{\"name\":\"History\"}}]";
    private static final String MANIFEST = "{\"format\":\"openpchat-export\",\"version\":1,\"level\":\"configuration\"}";

    @TempDir
    Path dir;

    @Test
    void copiesTheExportMarksItFullAndAddsTheRoomsMessages() throws Exception {
        Path export = export(Files.createFile(dir.resolve("export.zip")));
        HistoryArchiveCommand command = new HistoryArchiveCommand();
        command.export = export;
        command.room = "History";
        command.messages = 4;
        command.authors = 2;
        command.users = new LoadUsers();
        command.users.userPrefix = "load";
        command.users.domain = "example.com";
        command.output = dir.resolve("history.zip");

        assertThat(command.call()).isZero();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(command.output))).isEqualTo("rw-------");

        try (ZipFile zip = new ZipFile(command.output.toFile())) {
            List<String> names = new ArrayList<>();
            Collections.list(zip.entries()).forEach(entry -> names.add(entry.getName()));
            assertThat(names).containsExactly("manifest.json", "rooms.json", "users.json", "messages/r-history.jsonl");
            assertThat(text(zip, "manifest.json")).contains("\"level\":\"full\"").contains("\"format\":\"openpchat-export\"");
            assertThat(text(zip, "rooms.json")).isEqualTo(ROOMS);
            assertThat(text(zip, "users.json")).isEqualTo("[]");
            assertThat(text(zip, "messages/r-history.jsonl").lines()).hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("\"room\":\"History\""))
                    .extracting(line -> line.substring(line.indexOf("\"author\""), line.indexOf(",\"postedAt\"")))
                    .containsExactly("\"author\":\"sip:load1@example.com\"", "\"author\":\"sip:load2@example.com\"",
                            "\"author\":\"sip:load1@example.com\"", "\"author\":\"sip:load2@example.com\"");
        }
    }

    @Test
    void aRoomTheExportLacksIsRefused() {
        assertThatThrownBy(() -> HistoryArchiveCommand.roomUid(ROOMS, "Nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room named Nope");
        assertThat(HistoryArchiveCommand.roomUid(ROOMS, "Lobby")).isEqualTo("r-lobby");
    }

    private static Path export(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] entry : new String[][] {{"manifest.json", MANIFEST}, {"rooms.json", ROOMS}, {"users.json", "[]"},
                    {"messages/r-history.jsonl", "{\"stale\":true}\n"}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String text(ZipFile zip, String name) throws IOException {
        return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
    }
}
