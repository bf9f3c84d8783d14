package org.openpchat.cli.commands;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.openpchat.cli.http.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A list modifier of a {@code PATCH} (Lync's {@code @{Add=...; Remove=...; Replace=...}}):
 * {@code {"add": [...], "remove": [...]}} or {@code {"replace": [...]}}.
 */
final class ListChange {

    private ListChange() {
    }

    /**
     * @param option  the option stem for messages, e.g. "member" for --add-member/--replace-members
     * @param replace the new list; an empty string empties it; {@code null} when not given
     * @return the modifier, or {@code null} when nothing changes
     */
    static JsonObject of(CommandSpec spec, String option, List<String> add, List<String> remove, List<String> replace) {
        boolean adds = add != null && !add.isEmpty();
        boolean removes = remove != null && !remove.isEmpty();
        if (replace != null && (adds || removes)) {
            throw new ParameterException(spec.commandLine(), "--replace-" + option + "s cannot be combined with --add-"
                    + option + " or --remove-" + option);
        }
        JsonObjectBuilder change = Json.PROVIDER.createObjectBuilder();
        if (replace != null) {
            List<String> principals = replace.stream().filter(principal -> !principal.isBlank()).toList();
            change.add("replace", Json.PROVIDER.createArrayBuilder(principals));
        } else if (adds || removes) {
            if (adds) {
                change.add("add", Json.PROVIDER.createArrayBuilder(add));
            }
            if (removes) {
                change.add("remove", Json.PROVIDER.createArrayBuilder(remove));
            }
        } else {
            return null;
        }
        return change.build();
    }
}
