package org.openpchat.cli.jobs;

import jakarta.json.JsonObject;
import java.io.PrintStream;
import java.util.Objects;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.output.Texts;

/**
 * A job's progress on stderr. On a terminal one line is redrawn
 * ({@code export  [##########----------]  50%  messages 500/1000}); otherwise a line is printed
 * whenever the state or phase changes, so logs stay short.
 */
public final class ProgressBar {

    static final int WIDTH = 20;

    private final PrintStream err;
    private final boolean interactive;
    private final String label;
    private String lastStep;
    private int lastLength;

    public ProgressBar(PrintStream err, boolean interactive, String label) {
        this.err = err;
        this.interactive = interactive;
        this.label = label;
    }

    public void update(JsonObject job) {
        String line = line(job);
        if (interactive) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            err.flush();
            lastLength = line.length();
        } else {
            String step = Json.string(job, "state") + "/" + Json.string(job, "phase");
            if (!Objects.equals(step, lastStep)) {
                err.println(line);
                lastStep = step;
            }
        }
    }

    /** Ends the redrawn line. */
    public void finish(JsonObject job) {
        update(job);
        if (interactive) {
            err.println();
        }
    }

    String line(JsonObject job) {
        String state = Objects.requireNonNullElse(Json.string(job, "state"), "?");
        String phase = Json.string(job, "phase");
        long done = Json.number(job, "done");
        long total = Json.number(job, "total");
        StringBuilder line = new StringBuilder(label).append("  ");
        if (total > 0 && done >= 0 && "running".equals(state)) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total);
            int percent = (int) Math.min(100, done * 100 / total);
            line.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ")
                    .append(String.format("%3d%%", percent));
            if (phase != null) {
                line.append("  ").append(Texts.clean(phase));
            }
            line.append(' ').append(done).append('/').append(total);
        } else {
            line.append(Texts.clean(state));
            if (phase != null && "running".equals(state)) {
                line.append("  ").append(Texts.clean(phase));
                if (done >= 0) {
                    line.append(' ').append(done);
                }
            }
        }
        return line.toString();
    }
}
