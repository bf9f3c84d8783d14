package org.openpchat.load;

import picocli.CommandLine.Option;

/** Who the load users are: PREFIX1@DOMAIN, PREFIX2@DOMAIN, ...; options of every command that names them. */
public final class LoadUsers {

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = "example.com",
            description = "The SIP domain of the users (default ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--user-prefix", paramLabel = "PREFIX", defaultValue = "load",
            description = "Users are PREFIX1@DOMAIN, PREFIX2@DOMAIN, ... (default ${DEFAULT-VALUE}).")
    String userPrefix;

    /** The {@code number}th load user's address, without {@code sip:}. */
    String name(int number) {
        return userPrefix + number + "@" + domain;
    }
}
