package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import java.util.List;
import org.openpchat.cli.http.UriPaths.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Categories: {@code New-, Get-, Set-, Remove-CsPersistentChatCategory}. */
@Command(name = "category", description = "Room categories (*-CsPersistentChatCategory).",
        subcommands = {CategoryCommands.Get.class, CategoryCommands.New.class, CategoryCommands.Set.class,
            CategoryCommands.Remove.class})
public final class CategoryCommands {

    static final Resource CATEGORIES = new Resource("/categories", "category", List.of(column("NAME", "name"),
            column("ROOMS", "rooms"), column("ALLOWED MEMBERS", "allowedMembers"),
            column("DENIED MEMBERS", "deniedMembers"), column("CREATORS", "creators"),
            column("FILE UPLOAD", "fileUpload"), column("INVITATIONS", "invitations"),
            column("CHAT HISTORY", "chatHistory")));

    private CategoryCommands() {
    }

    @Command(name = "get", description = {"One category, or all.",
        "Get-CsPersistentChatCategory; GET /categories[/NAME]"})
    static final class Get extends ApiCommand {
        @Parameters(arity = "0..1", paramLabel = "NAME")
        String name;

        @Mixin
        Paging paging;

        @Override
        protected void execute() {
            showOneOrAll(CATEGORIES, name, paging);
        }
    }

    @Command(name = "new", description = {"Creates a category.", "New-CsPersistentChatCategory; POST /categories"})
    static final class New extends ApiCommand {
        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--allowed-member", paramLabel = "PRINCIPAL",
                description = "Who may be in its rooms (repeatable).")
        List<String> allowedMembers;

        @Option(names = "--denied-member", paramLabel = "PRINCIPAL", description = "Who may never be (repeatable).")
        List<String> deniedMembers;

        @Option(names = "--creator", paramLabel = "PRINCIPAL", description = "Who may create rooms in it (repeatable).")
        List<String> creators;

        @Mixin
        CategoryFeatures features;

        @Override
        protected void execute() {
            Body body = new Body().put("name", name).put("description", description)
                    .list("allowedMembers", allowedMembers).list("deniedMembers", deniedMembers)
                    .list("creators", creators);
            output().item(api().post(CATEGORIES.path(), features.addTo(body).build()));
        }
    }

    @Command(name = "set", description = {"Changes a category.",
        "Set-CsPersistentChatCategory; PATCH /categories/NAME"})
    static final class Set extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--new-name", paramLabel = "NAME", description = "Renames the category.")
        String newName;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--add-allowed-member", paramLabel = "PRINCIPAL",
                description = "Adds an allowed member (repeatable).")
        List<String> addAllowed;

        @Option(names = "--remove-allowed-member", paramLabel = "PRINCIPAL",
                description = "Removes an allowed member (repeatable).")
        List<String> removeAllowed;

        @Option(names = "--replace-allowed-members", paramLabel = "PRINCIPAL",
                description = "The list becomes exactly these (repeatable; '' alone: none). Likewise below.")
        List<String> replaceAllowed;

        @Option(names = "--add-denied-member", paramLabel = "PRINCIPAL",
                description = "Adds a denied member (repeatable).")
        List<String> addDenied;

        @Option(names = "--remove-denied-member", paramLabel = "PRINCIPAL",
                description = "Removes a denied member (repeatable).")
        List<String> removeDenied;

        @Option(names = "--replace-denied-members", paramLabel = "PRINCIPAL",
                description = "The denied members become exactly these (repeatable; '' alone: none).")
        List<String> replaceDenied;

        @Option(names = "--add-creator", paramLabel = "PRINCIPAL", description = "Adds a creator (repeatable).")
        List<String> addCreators;

        @Option(names = "--remove-creator", paramLabel = "PRINCIPAL", description = "Removes a creator (repeatable).")
        List<String> removeCreators;

        @Option(names = "--replace-creators", paramLabel = "PRINCIPAL",
                description = "The creators become exactly these (repeatable; '' alone: none).")
        List<String> replaceCreators;

        @Mixin
        CategoryFeatures features;

        @Option(names = "--if-match", paramLabel = "ETAG", description = "Only if unchanged since this ETag.")
        String ifMatch;

        @Override
        protected void execute() {
            Body body = new Body().put("name", newName).put("description", description)
                    .put("allowedMembers",
                            ListChange.of(spec, "allowed-member", addAllowed, removeAllowed, replaceAllowed))
                    .put("deniedMembers", ListChange.of(spec, "denied-member", addDenied, removeDenied, replaceDenied))
                    .put("creators", ListChange.of(spec, "creator", addCreators, removeCreators, replaceCreators));
            features.addTo(body);
            if (body.isEmpty()) {
                throw usage("nothing to change");
            }
            output().item(api().patch(CATEGORIES.item(name), body.build(), ifMatch));
        }
    }

    @Command(name = "remove", description = {"Deletes an empty category (exit 5 while it holds rooms).",
        "Remove-CsPersistentChatCategory; DELETE /categories/NAME"})
    static final class Remove extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        protected void execute() {
            output().done(api().delete(CATEGORIES.item(name), Query.of()), "removed category " + name);
        }
    }
}
