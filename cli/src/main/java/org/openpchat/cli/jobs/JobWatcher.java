package org.openpchat.cli.jobs;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.openpchat.cli.CliEnvironment;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiClient;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.output.Texts;

/** Follows a job ({@code GET /jobs/{id}}) until it succeeds or fails, showing its progress. */
public final class JobWatcher {

    private final ApiClient api;
    private final CliEnvironment environment;

    public JobWatcher(ApiClient api, CliEnvironment environment) {
        this.api = api;
        this.environment = environment;
    }

    /**
     * @return the finished job, which succeeded
     * @throws CliException with {@link ExitCodes#FAILED} and the job's errors when it failed
     */
    public JsonObject await(URI job, String label) {
        ProgressBar progress = new ProgressBar(environment.err(), environment.interactive(), label);
        while (true) {
            JsonObject state = api.get(job).object();
            String name = Json.string(state, "state");
            if ("succeeded".equals(name) || "failed".equals(name)) {
                progress.finish(state);
                if ("failed".equals(name)) {
                    throw new CliException(ExitCodes.FAILED, label + " job " + Json.string(state, "id") + " failed",
                            errors(state), null);
                }
                return state;
            }
            progress.update(state);
            try {
                Thread.sleep(environment.jobPollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCodes.LOCAL_ERROR, "interrupted; the job goes on: pchat job get "
                        + Json.string(state, "id"), e);
            }
        }
    }

    /** The job's {@code errors}, one line each. */
    public static List<String> errors(JsonObject job) {
        List<String> lines = new ArrayList<>();
        for (JsonValue error : Json.array(job, "errors")) {
            lines.add("  " + (error instanceof JsonString s ? Texts.clean(s.getString()) : Texts.display(error)));
        }
        return lines;
    }
}
