package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Server settings: {@code New-, Get-, Set-, Remove-CsPersistentChatConfiguration}. */
@Command(name = "config", description = "Chat settings per scope (*-CsPersistentChatConfiguration).",
        subcommands = {ConfigCommands.Get.class, ConfigCommands.New.class, ConfigCommands.Set.class,
            ConfigCommands.Remove.class})
public final class ConfigCommands {

    static final Resource CONFIGURATIONS = new Resource("/configurations", "configuration", List.of(
            column("IDENTITY", "identity"), column("DEFAULT CHAT HISTORY", "defaultChatHistory"),
            column("MAX FILE SIZE KB", "maxFileSizeKB"), column("PARTICIPANT UPDATE LIMIT", "participantUpdateLimit"),
            column("ROOM MANAGEMENT URL", "roomManagementUrl")));

    private ConfigCommands() {
    }

    /** The settings shared by new and set. */
    static final class Settings {
        @Option(names = "--default-chat-history", paramLabel = "N",
                description = "Messages a joining client gets (1-500).")
        Integer defaultChatHistory;

        @Option(names = "--max-file-size-kb", paramLabel = "KB")
        Integer maxFileSizeKB;

        @Option(names = "--participant-update-limit", paramLabel = "N")
        Integer participantUpdateLimit;

        @Option(names = "--room-management-url", paramLabel = "URL")
        String roomManagementUrl;

        Body addTo(Body body) {
            return body.put("defaultChatHistory", defaultChatHistory).put("maxFileSizeKB", maxFileSizeKB)
                    .put("participantUpdateLimit", participantUpdateLimit).put("roomManagementUrl", roomManagementUrl);
        }
    }

    @Command(name = "get", description = {"One configuration, or all.",
        "Get-CsPersistentChatConfiguration; GET /configurations[/IDENTITY]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "IDENTITY",
                description = "global, site:NAME or service:PersistentChatServer:FQDN.")
        String identity;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(CONFIGURATIONS, identity, paging);
        }
    }

    @Command(name = "new", description = {"Creates a site or service configuration.",
        "New-CsPersistentChatConfiguration; POST /configurations"})
    static final class New extends ApiCommand {
        @Option(names = "--identity", required = true, paramLabel = "IDENTITY")
        String identity;

        @Mixin
        Settings settings;

        @Override
        protected void execute() {
            Body body = settings.addTo(new Body().put("identity", identity));
            output().item(api().post(CONFIGURATIONS.path(), body.build()));
        }
    }

    @Command(name = "set", description = {"Changes a configuration.",
        "Set-CsPersistentChatConfiguration; PATCH /configurations/IDENTITY"})
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
            output().item(api().patch(CONFIGURATIONS.item(identity), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Deletes a configuration (global: resets it).",
        "Remove-CsPersistentChatConfiguration; DELETE /configurations/IDENTITY"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "IDENTITY")
        String identity;

        @Override
        protected void execute() {
            output().done(api().delete(CONFIGURATIONS.item(identity), Query.of()), "removed configuration " + identity);
        }
    }
}
