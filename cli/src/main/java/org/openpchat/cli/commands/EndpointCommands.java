package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SIP addresses of the chat pool: {@code New-, Get-, Remove-CsPersistentChatEndpoint}. */
@Command(name = "endpoint", description = "SIP addresses the chat service answers (*-CsPersistentChatEndpoint).",
        subcommands = {EndpointCommands.Get.class, EndpointCommands.New.class, EndpointCommands.Remove.class})
public final class EndpointCommands {

    static final Resource ENDPOINTS = new Resource("/endpoints", "endpoint",
            List.of(column("SIP ADDRESS", "sipAddress"), column("DISPLAY NAME", "displayName")));

    private EndpointCommands() {
    }

    @Command(name = "get", description = {"One endpoint, or all.",
        "Get-CsPersistentChatEndpoint; GET /endpoints[/SIP]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "SIP-ADDRESS")
        String sipAddress;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(ENDPOINTS, sipAddress, paging);
        }
    }

    @Command(name = "new", description = {"Adds an endpoint.", "New-CsPersistentChatEndpoint; POST /endpoints"})
    static final class New extends ApiCommand {
        @Option(names = "--sip-address", required = true, paramLabel = "SIP-ADDRESS",
                description = "sip:chat@example.com")
        String sipAddress;

        @Option(names = "--display-name", paramLabel = "TEXT")
        String displayName;

        @Override
        protected void execute() {
            output().item(api().post(ENDPOINTS.path(),
                    new Body().put("sipAddress", sipAddress).put("displayName", displayName).build()));
        }
    }

    @Command(name = "remove", description = {"Removes an endpoint.",
        "Remove-CsPersistentChatEndpoint; DELETE /endpoints/SIP"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "SIP-ADDRESS")
        String sipAddress;

        @Override
        protected void execute() {
            output().done(api().delete(ENDPOINTS.item(sipAddress), Query.of()), "removed endpoint " + sipAddress);
        }
    }
}
