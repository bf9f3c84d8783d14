package org.openpchat.chat.application.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One job's progress, updated by the thread that runs it and read by callers polling it. At most
 * {@link #MAX_ERRORS} error lines are kept (the count of the others is reported).
 */
public final class Job {

    public static final int MAX_ERRORS = 100;

    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final String kind;
    private final String owner;
    private final Instant startedAt;
    private volatile State state = State.QUEUED;
    private volatile String phase;
    private volatile long done;
    private volatile long total;
    private volatile Instant finishedAt;
    private final List<String> errors = new ArrayList<>();
    private int moreErrors;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private volatile Path archive;

    Job(String id, String kind, String owner, Instant startedAt) {
        this.id = id;
        this.kind = kind;
        this.owner = owner;
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public void phase(String newPhase, long newTotal) {
        this.state = State.RUNNING;
        this.phase = newPhase;
        this.total = newTotal;
        this.done = 0;
    }

    public void progress(long count) {
        this.done += count;
    }

    public synchronized void error(String text) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(text);
        } else {
            moreErrors++;
        }
    }

    public synchronized void result(String name, Object value) {
        result.put(name, value);
    }

    public void archive(Path file) {
        this.archive = file;
    }

    public Path archive() {
        return archive;
    }

    public void succeed(Instant at) {
        this.finishedAt = at;
        this.state = State.SUCCEEDED;
    }

    public void fail(Instant at, String reason) {
        error(reason);
        this.finishedAt = at;
        this.state = State.FAILED;
    }

    public boolean finished() {
        return finishedAt != null;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public synchronized JobView view() {
        List<String> errorLines = new ArrayList<>(errors);
        if (moreErrors > 0) {
            errorLines.add("... and " + moreErrors + " more");
        }
        return new JobView(id, kind, state.text(), phase, done, total, List.copyOf(errorLines), startedAt,
                finishedAt, new LinkedHashMap<>(result));
    }
}
