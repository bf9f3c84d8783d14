package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Add-ins: {@code New-, Get-, Set-, Remove-CsPersistentChatAddin}. */
@Command(name = "addin", description = "Room add-ins (*-CsPersistentChatAddin).",
        subcommands = {AddinCommands.Get.class, AddinCommands.New.class, AddinCommands.Set.class,
            AddinCommands.Remove.class})
public final class AddinCommands {

    static final Resource ADDINS = new Resource("/addins", "add-in",
            List.of(column("NAME", "name"), column("URL", "url")));

    private AddinCommands() {
    }

    @Command(name = "get", description = {"One add-in, or all.", "Get-CsPersistentChatAddin; GET /addins[/NAME]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        String name;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(ADDINS, name, paging);
        }
    }

    @Command(name = "new", description = {"Registers an add-in.", "New-CsPersistentChatAddin; POST /addins"})
    static final class New extends ApiCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        // --url is the server's address
        @Option(names = "--addin-url", required = true, paramLabel = "URL", description = "The add-in's http(s) URL.")
        String url;

        @Override
        protected void execute() {
            output().item(api().post(ADDINS.path(), new Body().put("name", name).put("url", url).build()));
        }
    }

    @Command(name = "set", description = {"Changes an add-in.", "Set-CsPersistentChatAddin; PATCH /addins/NAME"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--new-name", paramLabel = "NAME")
        String newName;

        @Option(names = "--addin-url", paramLabel = "URL")
        String url;

        @Override
        protected void execute() {
            Body body = new Body().put("name", newName).put("url", url);
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(ADDINS.item(name), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Removes an add-in (exit 5 while rooms use it, unless --force).",
        "Remove-CsPersistentChatAddin; DELETE /addins/NAME"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--force", description = "Detach it from the rooms that use it.")
        boolean force;

        @Override
        protected void execute() {
            output().done(api().delete(ADDINS.item(name), Query.of().add("force", force ? true : null)),
                    "removed add-in " + name);
        }
    }
}
