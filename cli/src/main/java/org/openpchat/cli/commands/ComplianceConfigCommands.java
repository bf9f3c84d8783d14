package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Compliance export settings ({@code *-CsPersistentChatComplianceConfiguration}), a run now, the pipeline. */
@Command(name = "compliance-config", description = "Compliance export (*-CsPersistentChatComplianceConfiguration).",
        subcommands = {ComplianceConfigCommands.Get.class, ComplianceConfigCommands.New.class,
            ComplianceConfigCommands.Set.class, ComplianceConfigCommands.Remove.class,
            ComplianceConfigCommands.Run.class, ComplianceConfigCommands.Pipeline.class})
public final class ComplianceConfigCommands {

    static final Resource COMPLIANCE = new Resource("/compliance-configurations", "compliance configuration",
            List.of(column("IDENTITY", "identity"), column("ADAPTER TYPE", "adapterType"),
                    column("ADAPTER NAME", "adapterName"), column("OUTPUT DIRECTORY", "adapterOutputDirectory"),
                    column("RUN INTERVAL", "runInterval"), column("PURGE", "purgeAfterProcessing")));

    private ComplianceConfigCommands() {
    }

    /** The settings shared by new and set. */
    static final class Settings {
        @Option(names = "--adapter-type", paramLabel = "TYPE",
                description = "XmlAdapter, EmlAdapter, the class name of your adapter, or '' (off).")
        String adapterType;

        @Option(names = "--adapter-name", paramLabel = "NAME")
        String adapterName;

        @Option(names = "--adapter-output-directory", paramLabel = "DIR", description = "On the server.")
        String adapterOutputDirectory;

        @Option(names = "--run-interval", paramLabel = "DURATION", description = "PT1M to P30D (default PT15M).")
        String runInterval;

        @Option(names = "--one-chat-room-per-output-file", arity = "0..1", fallbackValue = "true",
                paramLabel = "true|false",
                description = "On (true if no value) or off (false).")
        Boolean oneChatRoomPerOutputFile;

        @Option(names = "--add-chat-room-details", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Adds a chat room details (repeatable).")
        Boolean addChatRoomDetails;

        @Option(names = "--add-user-details", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "Adds a user details (repeatable).")
        Boolean addUserDetails;

        @Option(names = "--create-file-attachments-manifest", arity = "0..1", fallbackValue = "true",
                paramLabel = "true|false", description = "On (true if no value) or off (false).")
        Boolean createFileAttachmentsManifest;

        @Option(names = "--custom-configuration-file", paramLabel = "XSLT",
                description = "An XSLT applied to the XML output, read from this file (an empty file: none).")
        Path customConfigurationFile;

        @Option(names = "--purge-after-processing", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "On (true if no value) or off (false).")
        Boolean purgeAfterProcessing;

        Body addTo(Body body) {
            return body.put("adapterType", adapterType).put("adapterName", adapterName)
                    .put("adapterOutputDirectory", adapterOutputDirectory).put("runInterval", runInterval)
                    .put("oneChatRoomPerOutputFile", oneChatRoomPerOutputFile)
                    .put("addChatRoomDetails", addChatRoomDetails).put("addUserDetails", addUserDetails)
                    .put("createFileAttachmentsManifest", createFileAttachmentsManifest)
                    .put("customConfiguration", customConfiguration())
                    .put("purgeAfterProcessing", purgeAfterProcessing);
        }

        private String customConfiguration() {
            if (customConfigurationFile == null) {
                return null;
            }
            try {
                return Files.readString(customConfigurationFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(ExitCodes.LOCAL_ERROR, "cannot read " + customConfigurationFile + ": " + e, e);
            }
        }
    }

    @Command(name = "get", description = {"One compliance configuration, or all.",
        "Get-CsPersistentChatComplianceConfiguration; GET /compliance-configurations[/IDENTITY]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "IDENTITY")
        String identity;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(COMPLIANCE, identity, paging);
        }
    }

    @Command(name = "new", description = {"Creates a site or service compliance configuration.",
        "New-CsPersistentChatComplianceConfiguration; POST /compliance-configurations"})
    static final class New extends ApiCommand {
        @Option(names = "--identity", required = true, paramLabel = "IDENTITY")
        String identity;

        @Mixin
        Settings settings;

        @Override
        protected void execute() {
            output().item(api().post(COMPLIANCE.path(), settings.addTo(new Body().put("identity", identity)).build()));
        }
    }

    @Command(name = "set", description = {"Changes a compliance configuration.",
        "Set-CsPersistentChatComplianceConfiguration; PATCH /compliance-configurations/IDENTITY"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "IDENTITY")
        String identity;

        @Mixin
        Settings settings;

        @Override
        protected void execute() {
            Body body = settings.addTo(new Body());
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(COMPLIANCE.item(identity), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Deletes a compliance configuration (global: resets it).",
        "Remove-CsPersistentChatComplianceConfiguration; DELETE /compliance-configurations/IDENTITY"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "IDENTITY")
        String identity;

        @Override
        protected void execute() {
            output().done(api().delete(COMPLIANCE.item(identity), Query.of()),
                    "removed compliance configuration " + identity);
        }
    }

    @Command(name = "run", description = {"Exports the captured events now.",
        "POST /compliance-configurations/IDENTITY:run"})
    static final class Run extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "IDENTITY", defaultValue = "global", description = "Default global.")
        String identity;

        @Override
        protected void execute() {
            ApiResponse response = api().post(COMPLIANCE.item(identity) + ":run", new Body().build());
            output().done(response, "exported " + Json.number(response.object(), "exported") + " events");
        }
    }

    @Command(name = "pipeline", description = {"Where captured events are: outbox, waiting for export, dead"
        + " letters, the last export.", "GET /compliance-pipeline"})
    static final class Pipeline extends ApiCommand {
        @Override
        protected void execute() {
            output().item(api().get("/compliance-pipeline"));
        }
    }
}
