package org.openpchat.cli.http;

import java.util.ArrayList;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.output.Texts;

/** The server refused a request (status 400 and above). */
public class ApiException extends CliException {

    private final Problem problem;

    public ApiException(Problem problem, String retryAfter) {
        super(ExitCodes.forStatus(problem.status()), message(problem, retryAfter), details(problem), null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    private static String message(Problem problem, String retryAfter) {
        String line = problem.line();
        if (problem.status() == 401) {
            line += " (check the user and password)";
        }
        if (problem.status() == 429 && retryAfter != null) {
            line += " (retry after " + Texts.clean(retryAfter) + " s)";
        }
        if (!problem.conflicts().isEmpty()) {
            line += " (" + problem.conflicts().size() + " conflicting: listed below)";
        }
        return line;
    }

    private static List<String> details(Problem problem) {
        List<String> lines = new ArrayList<>();
        problem.conflicts().forEach(conflict -> lines.add("  " + Texts.clean(conflict)));
        return lines;
    }
}
