package org.openpchat.load;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The load rooms a scenario uses and where its results go: options the scenarios share. */
public final class Rooms {

    @Option(names = "--rooms", paramLabel = "R", defaultValue = "10", description = "Rooms (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--room-prefix", paramLabel = "PREFIX", defaultValue = "load-room-",
            description = "Rooms are PREFIX1 .. PREFIXR (default ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results to this file.")
    Path json;
}
