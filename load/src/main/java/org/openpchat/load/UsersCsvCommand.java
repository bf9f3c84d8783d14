package org.openpchat.load;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The load users as a CSV file for the administration API's user import ({@code pchat user
 * import FILE}): PREFIX1 .. PREFIXN in one group, with the load password. The file holds a
 * password, so it is created readable by its owner only.
 */
@Command(name = "users-csv", mixinStandardHelpOptions = true,
        description = "Writes the load users as a CSV file for 'pchat user import' (mode 0600).")
final class UsersCsvCommand implements Callable<Integer> {

    @Mixin
    Target target;

    @Option(names = "--users", paramLabel = "N", defaultValue = "1500", description = "Users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "pchat-load",
            description = "The group they are put in (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--output", paramLabel = "FILE", required = true, description = "The CSV file to write.")
    Path output;

    @Override
    public Integer call() throws IOException {
        String password = target.password();
        if (password.contains(",") || password.contains("\"") || password.contains("\n")) {
            throw new IllegalArgumentException("the load password may not contain commas, quotes or line breaks");
        }
        Files.deleteIfExists(output);
        Files.createFile(output, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(output)) {
            out.write("uri,displayName,password,groups\n");
            for (int n = 1; n <= users; n++) {
                out.write("sip:" + target.userName(n) + ",Load user " + n + "," + password + "," + group + "\n");
            }
        }
        System.out.println(users + " users written to " + output);
        return 0;
    }
}
