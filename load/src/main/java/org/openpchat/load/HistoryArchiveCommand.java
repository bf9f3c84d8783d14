package org.openpchat.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Gives a room a long history the way an administrator moves history between servers: takes a
 * configuration export of the server under test ({@code pchat export}) and writes the same
 * archive with {@code --messages} made-up posts for one room, ready for {@code pchat import}.
 */
@Command(name = "history-archive", mixinStandardHelpOptions = true,
        description = "Adds made-up history for one room to an export archive, for 'pchat import'.")
final class HistoryArchiveCommand implements Callable<Integer> {

    static final String MANIFEST = "manifest.json";
    static final String ROOMS = "rooms.json";

    @Option(names = "--export", paramLabel = "FILE", required = true,
            description = "A configuration export of the server under test (pchat export --level configuration).")
    Path export;

    @Option(names = "--room", paramLabel = "NAME", required = true, description = "The room that gets the history.")
    String room;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "1000000", description = "Posts (default ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--authors", paramLabel = "N", defaultValue = "100",
            description = "Posts come from the first N load users in turn (default ${DEFAULT-VALUE}).")
    int authors;

    @Mixin
    LoadUsers users;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The archive to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (messages < 1 || authors < 1) {
            throw new IllegalArgumentException("--messages and --authors must be at least 1");
        }
        Files.deleteIfExists(output);
        // like the export it comes from, it names the server's users: for its owner only
        Files.createFile(output, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (ZipFile source = new ZipFile(export.toFile());
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(output))) {
            String uid = roomUid(read(source, ROOMS), room);
            var entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(ArchiveHistory.entryOf(uid))) {
                    continue;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(MANIFEST)) {
                    zip.write(fullLevel(read(source, MANIFEST)).getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(ArchiveHistory.entryOf(uid)));
            Writer out = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            new ArchiveHistory(room, users::name, authors).write(out, messages, Instant.now());
            out.flush();
            zip.closeEntry();
        }
        System.out.println("history-archive room=" + room + " messages=" + messages + " output=" + output);
        return 0;
    }

    static String roomUid(String roomsJson, String roomName) {
        for (JsonValue value : Json.createReader(new StringReader(roomsJson)).readArray()) {
            JsonObject exported = value.asJsonObject();
            if (roomName.equals(exported.getJsonObject("room").getString("name", null))) {
                return exported.getString("uid");
            }
        }
        throw new IllegalArgumentException("the export has no room named " + roomName);
    }

    static String fullLevel(String manifestJson) {
        JsonObject manifest = Json.createReader(new StringReader(manifestJson)).readObject();
        JsonObjectBuilder full = Json.createObjectBuilder(manifest).add("level", "full");
        return full.build().toString();
    }

    private static String read(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalArgumentException("not an export archive: no " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
