package org.openpchat.cli.commands;

import java.util.concurrent.Callable;
import org.openpchat.cli.CliEnvironment;
import org.openpchat.cli.Pchat;
import org.openpchat.cli.http.ApiClient;
import org.openpchat.cli.output.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A leaf command: one or a few API calls, their answer on stdout, failures as exceptions. */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        execute();
        return 0;
    }

    protected abstract void execute();

    protected Pchat pchat() {
        return (Pchat) spec.root().userObject();
    }

    protected ApiClient api() {
        return pchat().api();
    }

    protected Output output() {
        return pchat().output();
    }

    protected CliEnvironment environment() {
        return pchat().environment();
    }

    /** The item named {@code key} when there is one, else a page of all of them as a table. */
    protected void showOneOrAll(Resource resource, String key, Paging paging) {
        if (key != null) {
            output().item(api().get(resource.item(key)));
        } else {
            output().list(api().get(resource.path(), paging.query()), resource.columns());
        }
    }

    /** A usage error (exit code 2, with this command's usage). */
    protected ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
