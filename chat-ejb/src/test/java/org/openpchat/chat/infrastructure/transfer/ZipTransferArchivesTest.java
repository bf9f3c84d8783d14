package org.openpchat.chat.infrastructure.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.chat.application.chat.RoomMessage;
import org.openpchat.chat.application.room.RoomView;
import org.openpchat.chat.application.transfer.ExportedRoom;
import org.openpchat.chat.application.transfer.Manifest;
import org.openpchat.chat.application.transfer.TransferArchives;

class ZipTransferArchivesTest {

    private final ZipTransferArchives archives = new ZipTransferArchives();

    @TempDir
    Path dir;

    @Test
    void recordsAndLinesReadBackAsWritten() throws IOException {
        Path file = dir.resolve("export.zip");
        Manifest manifest = new Manifest(Manifest.FORMAT, 1, "full", null, Instant.parse("2026-11-30T12:00:00Z"),
                "example.com");
        ExportedRoom room = new ExportedRoom("uid-1", Instant.parse("2026-01-01T00:00:00Z"), new RoomView("Lobby",
                "ma-chan://example.com/uid-1", null, "General", "Open", "Normal", List.of("group:staff"), List.of(),
                List.of(), false, "Inherit", null));
        RoomMessage first = new RoomMessage("Lobby", 1, "sip:alice@example.com",
                Instant.parse("2026-11-30T10:00:00.123456Z"), "line one\nwith \"quotes\" and é");
        try (TransferArchives.Writer writer = archives.create(file)) {
            writer.json("manifest.json", manifest);
            writer.json("rooms.json", List.of(room));
            writer.startLines("messages/uid-1.jsonl");
            writer.line(first);
            writer.line(new RoomMessage("Lobby", 2, "sip:bob@example.com", Instant.EPOCH, "two"));
        }

        try (TransferArchives.Reader reader = archives.open(file)) {
            assertThat(reader.has("manifest.json")).isTrue();
            assertThat(reader.has("nothing.json")).isFalse();
            assertThat(reader.json("manifest.json", Manifest.class)).isEqualTo(manifest);
            assertThat(reader.list("rooms.json", ExportedRoom.class)).containsExactly(room);
            List<RoomMessage> lines = new ArrayList<>();
            reader.lines("messages/uid-1.jsonl", RoomMessage.class, lines::add);
            assertThat(lines).hasSize(2).first().isEqualTo(first);
        }
    }

    @Test
    void whatIsNotAnArchiveOrNotValidIsAnIoProblem() throws IOException {
        Path text = Files.writeString(dir.resolve("plain.txt"), "not a zip");
        assertThatThrownBy(() -> archives.open(text)).isInstanceOf(IOException.class).hasMessageContaining("ZIP");

        Path broken = zip("broken.zip", "rooms.json", "[{\"uid\": ");
        try (TransferArchives.Reader reader = archives.open(broken)) {
            assertThatThrownBy(() -> reader.list("rooms.json", ExportedRoom.class)).isInstanceOf(IOException.class)
                    .hasMessageContaining("rooms.json");
        }
        Path badLine = zip("lines.zip", "m.jsonl", "{\"id\": 1}\nnot json\n");
        try (TransferArchives.Reader reader = archives.open(badLine)) {
            assertThatThrownBy(() -> reader.lines("m.jsonl", RoomMessage.class, m -> { }))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("invalid line");
        }
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedNotRead() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("short\r\n" + "x".repeat(101) + "\nlast"), 100);
        assertThat(lines.next()).isEqualTo("short");
        assertThatThrownBy(lines::next).isInstanceOf(IOException.class).hasMessageContaining("longer than 100");
    }

    private Path zip(String name, String entry, String content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
