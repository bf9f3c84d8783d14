package org.openpchat.chat.application.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.audit.RecordingAuditLog.Recorded;
import org.openpchat.chat.application.job.JobFiles;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.addin.Addin;
import org.openpchat.chat.domain.compliance.ComplianceConfiguration;
import org.openpchat.chat.domain.endpoint.ChatEndpoint;
import org.openpchat.chat.domain.policy.ChatConfiguration;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.DomainException.Reason;
import org.openpchat.chat.infrastructure.transfer.ZipTransferArchives;

/**
 * Export-CsPersistentChatData on one server and Import-CsPersistentChatData on another, through a
 * real archive file: the jobs, what the archive holds, the history in pages and batches, refusals.
 */
class TransferRoundTripTest {

    private static final Instant T1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path directory;

    private final InMemoryChatServer source = new InMemoryChatServer();
    private final InMemoryChatServer target = new InMemoryChatServer();
    private final ZipTransferArchives archives = new ZipTransferArchives();
    private final Jobs sourceJobs = new Jobs();
    private final Jobs targetJobs = new Jobs();
    private final Room lobby;
    private final Room desk;

    TransferRoundTripTest() {
        PrincipalId alice = source.principals.user("alice@example.com").principalId();
        source.principals.group("traders", alice);
        source.addins.add(new Addin("Quotes", "https://quotes.example.com/"));
        source.policyRepository.add(new ChatPolicy(Scope.tag("traders"), true, "traders"));
        ChatConfiguration berlin = new ChatConfiguration(Scope.site("Berlin"));
        berlin.changeDefaultChatHistory(12);
        source.policyRepository.add(berlin);
        source.complianceConfigurations.add(new ComplianceConfiguration(Scope.site("Berlin")));
        source.endpoints.add(new ChatEndpoint("sip:pchat@example.com", "pool"));
        Category trading = source.category("Trading");
        lobby = source.room("Lobby", trading);
        desk = source.room("Desk", trading);
        source.room("Empty", trading);
        for (int i = 1; i <= Exporter.PAGE + 1; i++) {
            source.messages.post(lobby, "alice@example.com", i == 1 ? T1 : T2, "m" + i);
        }
        source.messages.post(desk, "alice@example.com", T1, "old");
        source.messages.post(desk, "alice@example.com", T2, "new");
    }

    private JobFiles files() {
        return suffix -> Files.createTempFile(directory, "job", suffix);
    }

    private ExportService exportService(JobFiles files) {
        return new ExportService(sourceJobs, new Exporter(source.transferQueries(), sourceJobs, archives, files,
                source.settings), source.audit);
    }

    private ImportService importService() {
        ImportSteps steps = target.importSteps();
        return new ImportService(targetJobs, new Importer(steps, targetJobs, archives), steps, archives,
                new ImportAudit(target.audit));
    }

    private Path export(ExportLevel level, Instant since) throws IOException {
        JobView exported = exportService(files()).start(source.admin, level, since);
        assertThat(exported.succeeded()).as("export %s", exported).isTrue();
        Path archive = sourceJobs.find(source.admin, exported.id()).archive();
        Path upload = directory.resolve("upload-" + exported.id() + ".zip");
        Files.copy(archive, upload);
        return upload;
    }

    /** What TransferQueries reads of a server, but its history. */
    private static List<Object> everythingBut(InMemoryChatServer server) {
        TransferQueries queries = server.transferQueries();
        return List.of(queries.users(0, 100), queries.groups(0, 100), queries.addins(), queries.categories(),
                queries.rooms(), queries.policies(), queries.configurations(), queries.complianceConfigurations(),
                queries.endpoints());
    }

    private List<String> contents(InMemoryChatServer server, String room) {
        Room found = server.rooms.findByName(room).orElseThrow();
        return server.messages.in(found).stream().map(ChatMessage::content).toList();
    }

    @Test
    void aFullExportArrivesWithEveryMessage() throws IOException {
        JobView exported = exportService(files()).start(source.admin, ExportLevel.FULL, null);

        assertThat(exported.succeeded()).isTrue();
        assertThat(exported.result()).containsEntry("rooms", 3).containsEntry("messages", (long) Exporter.PAGE + 3);
        assertThat(exported.phase()).isEqualTo("messages");
        assertThat(exported.done()).isEqualTo(Exporter.PAGE + 3);
        assertThat(exported.total()).isEqualTo(Exporter.PAGE + 3);
        assertThat(source.auditLog.only()).isEqualTo(new Recorded("system:test", "Export-CsPersistentChatData",
                "job:" + exported.id(), null, new ExportService.Request("full", null)));
        Path upload = directory.resolve("upload.zip");
        Files.copy(sourceJobs.find(source.admin, exported.id()).archive(), upload);

        JobView imported = importService().start(target.admin, upload, false);

        assertThat(imported.succeeded()).as("import %s", imported).isTrue();
        assertThat(imported.errors()).isEmpty();
        assertThat(imported.result()).containsEntry("messages", (long) Exporter.PAGE + 3);
        assertThat(imported.phase()).isEqualTo("messages");
        assertThat(imported.done()).isEqualTo(Exporter.PAGE + 3);
        assertThat(imported.total()).isEqualTo(Exporter.PAGE + 3);
        assertThat(contents(target, "Lobby")).isEqualTo(contents(source, "Lobby"));
        assertThat(contents(target, "Desk")).containsExactly("old", "new");
        assertThat(target.rooms.findByName("Lobby").orElseThrow().uid()).isEqualTo(lobby.uid());
        assertThat(everythingBut(target)).as("all but the history").isEqualTo(everythingBut(source));
        assertThat(upload).as("the upload is the job's and goes with it").doesNotExist();
        Recorded audited = target.auditLog.only();
        assertThat(audited.action()).isEqualTo("Import-CsPersistentChatData");
        ImportAudit.Summary summary = (ImportAudit.Summary) audited.after();
        assertThat(summary.rooms()).isEqualTo(3);
        assertThat(summary.categories()).isEqualTo(1);
        assertThat(summary.users()).isEqualTo(1);
        assertThat(summary.replace()).isFalse();
        assertThat(summary.archive().level()).isEqualTo("full");
        assertThat(summary.archive().sipDomain()).isEqualTo("example.com");
    }

    @Test
    void anExportSinceAnInstantLeavesOlderMessagesOut() throws IOException {
        Path upload = export(ExportLevel.FULL, T2);

        importService().start(target.admin, upload, false);

        assertThat(contents(target, "Desk")).containsExactly("new");
        assertThat(contents(target, "Lobby")).hasSize(Exporter.PAGE);
    }

    @Test
    void aConfigurationExportHasNoMessages() throws IOException {
        Path upload = export(ExportLevel.CONFIGURATION, null);

        JobView imported = importService().start(target.admin, upload, false);

        assertThat(imported.succeeded()).isTrue();
        assertThat(target.rooms.all()).hasSize(3);
        assertThat(contents(target, "Lobby")).isEmpty();
        assertThat(imported.result()).containsEntry("messages", 0L);
    }

    @Test
    void anArchiveThatWouldOverwriteDifferingItemsIsRefusedUnlessReplacing() throws IOException {
        Path upload = export(ExportLevel.CONFIGURATION, null);
        Category mine = target.category("Trading");
        mine.describe("mine");

        assertThatThrownBy(() -> importService().start(target.admin, upload, false))
                .isInstanceOf(ImportConflictException.class)
                .hasMessageContaining("category:Trading")
                .extracting(e -> ((ImportConflictException) e).conflicts()).isEqualTo(List.of("category:Trading"));
        assertThat(target.rooms.all()).isEmpty();
        assertThat(upload).exists();

        JobView imported = importService().start(target.admin, upload, true);
        assertThat(imported.succeeded()).isTrue();
        assertThat(mine.description()).isNull();
        ImportAudit.Summary summary = (ImportAudit.Summary) target.auditLog.only().after();
        assertThat(summary.replace()).isTrue();
        assertThat(summary.replaced()).containsExactly("category:Trading");
    }

    @Test
    void whatIsNoArchiveOfThisServerIsRefused() throws IOException {
        Path garbage = Files.writeString(directory.resolve("garbage.zip"), "not a zip");
        assertThatThrownBy(() -> importService().start(target.admin, garbage, false))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessageStartingWith("the archive cannot be read");

        Path empty = directory.resolve("empty.zip");
        archives.create(empty).close();
        assertThatThrownBy(() -> importService().start(target.admin, empty, false))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("not an export archive: it has no manifest.json");

        Path foreign = directory.resolve("foreign.zip");
        try (var writer = archives.create(foreign)) {
            writer.json(ArchiveEntries.MANIFEST, new Manifest("other", 1, "full", null, T1, "example.com"));
        }
        assertThatThrownBy(() -> importService().start(target.admin, foreign, false))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("not an export archive of this server (format other)");

        Path newer = directory.resolve("newer.zip");
        try (var writer = archives.create(newer)) {
            writer.json(ArchiveEntries.MANIFEST, new Manifest(Manifest.FORMAT, Manifest.VERSION + 1, "full", null,
                    T1, "example.com"));
        }
        assertThatThrownBy(() -> importService().start(target.admin, newer, false))
                .hasFieldOrPropertyWithValue("reason", Reason.INVALID)
                .hasMessage("the archive has format version 2; this server reads up to 1");

        Path current = directory.resolve("current.zip");
        try (var writer = archives.create(current)) {
            writer.json(ArchiveEntries.MANIFEST, new Manifest(Manifest.FORMAT, Manifest.VERSION, "configuration",
                    null, T1, "example.com"));
        }
        assertThat(importService().start(target.admin, current, false).succeeded()).as("every list may be missing")
                .isTrue();
        assertThat(target.auditLog.entries()).hasSize(1);
    }

    @Test
    void anExportThatCannotWriteFailsItsJob() {
        JobView failed = exportService(suffix -> {
            throw new IOException("disk full");
        }).start(source.admin, ExportLevel.FULL, null);

        assertThat(failed.state()).isEqualTo("failed");
        assertThat(failed.errors()).containsExactly("the export failed: disk full");
        assertThat(failed.finishedAt()).isNotNull();
    }

    @Test
    void anImportThatBreaksFailsItsJobAndDeletesTheUpload() throws IOException {
        Path upload = export(ExportLevel.FULL, null);
        ArchiveContent content;
        try (var reader = archives.open(upload)) {
            content = ArchiveContent.read(reader);
        }
        var job = targetJobs.start(target.admin, "import");

        new Importer(target.importSteps(), targetJobs, archives).run(job, target.admin,
                directory.resolve("missing.zip"), content, false);

        assertThat(job.view().state()).isEqualTo("failed");
        assertThat(job.view().errors()).singleElement().asString().startsWith("the import failed: ");
    }

    @Test
    void onlyAdministratorsExportAndImport() throws IOException {
        Actor user = source.actor(source.user("bob"));
        Path upload = export(ExportLevel.CONFIGURATION, null);

        assertThatThrownBy(() -> exportService(files()).start(user, ExportLevel.FULL, null))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators export chat data");
        assertThatThrownBy(() -> importService().start(user, upload, false))
                .hasFieldOrPropertyWithValue("reason", Reason.FORBIDDEN)
                .hasMessage("only Persistent Chat administrators import chat data");
        assertThat(target.rooms.all()).isEmpty();
    }
}
