package org.openpchat.cli.commands;

import picocli.CommandLine.Command;

/** The health URL, without signing in. */
@Command(name = "health", description = {"Whether the server and its databases are up (no sign-in; exit 8 when"
    + " not).", "GET /pchat/api/health"})
public final class HealthCommand extends ApiCommand {

    @Override
    protected void execute() {
        output().item(pchat().anonymousApi().health());
    }
}
