package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Policies: {@code New-, Get-, Set-, Remove-, Grant-CsPersistentChatPolicy}. */
@Command(name = "policy", description = "Who may use Persistent Chat (*-CsPersistentChatPolicy).",
        subcommands = {PolicyCommands.Get.class, PolicyCommands.New.class, PolicyCommands.Set.class,
            PolicyCommands.Remove.class, PolicyCommands.Grant.class})
public final class PolicyCommands {

    static final Resource POLICIES = new Resource("/policies", "policy", List.of(column("IDENTITY", "identity"),
            column("ENABLED", "enablePersistentChat"), column("DESCRIPTION", "description")));

    private PolicyCommands() {
    }

    @Command(name = "get", description = {"One policy, or all.",
        "Get-CsPersistentChatPolicy; GET /policies[/IDENTITY]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "IDENTITY", description = "global, site:NAME or tag:NAME.")
        String identity;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(POLICIES, identity, paging);
        }
    }

    @Command(name = "new", description = {"Creates a site or per-user (tag) policy.",
        "New-CsPersistentChatPolicy; POST /policies"})
    static final class New extends ApiCommand {
        @Option(names = "--identity", required = true, paramLabel = "IDENTITY", description = "site:NAME or tag:NAME.")
        String identity;

        @Option(names = "--enable-persistent-chat", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "On (true if no value) or off (false).")
        Boolean enable;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        protected void execute() {
            output().item(api().post(POLICIES.path(), new Body().put("identity", identity)
                    .put("enablePersistentChat", enable).put("description", description).build()));
        }
    }

    @Command(name = "set", description = {"Changes a policy.", "Set-CsPersistentChatPolicy; PATCH /policies/IDENTITY"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "IDENTITY")
        String identity;

        @Option(names = "--enable-persistent-chat", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
                description = "On (true if no value) or off (false).")
        Boolean enable;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Override
        protected void execute() {
            Body body = new Body().put("enablePersistentChat", enable).put("description", description);
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(POLICIES.item(identity), body.build(), null));
        }
    }

    @Command(name = "remove", description = {"Deletes a policy (global: resets it).",
        "Remove-CsPersistentChatPolicy; DELETE /policies/IDENTITY"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "IDENTITY")
        String identity;

        @Override
        protected void execute() {
            output().done(api().delete(POLICIES.item(identity), Query.of()), "removed policy " + identity);
        }
    }

    @Command(name = "grant", description = {"Grants a user a per-user policy, or takes it away.",
        "Grant-CsPersistentChatPolicy; PUT /users/USER/policy"})
    static final class Grant extends ApiCommand {
        @Parameters(paramLabel = "USER", description = "The user's SIP address.")
        String user;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Choice choice;

        static final class Choice {
            @Option(names = "--policy", required = true, paramLabel = "NAME", description = "The policy's tag name.")
            String policy;

            @Option(names = "--none", required = true, description = "No per-user policy: site or global applies.")
            boolean none;
        }

        @Override
        protected void execute() {
            JsonObject body = Json.PROVIDER.createObjectBuilder()
                    .add("policyName", choice.policy == null ? JsonValue.NULL
                            : Json.PROVIDER.createValue(choice.policy))
                    .build();
            output().done(api().put(UserCommands.USERS.item(user) + "/policy", body),
                    choice.policy == null ? "no per-user policy for " + user
                            : "granted " + choice.policy + " to " + user);
        }
    }
}
