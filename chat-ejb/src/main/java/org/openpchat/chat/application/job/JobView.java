package org.openpchat.chat.application.job;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A long-running administration job as its caller follows it: what it is, how far it got, what
 * went wrong, and its result once it ended.
 */
public record JobView(String id, String kind, String state, String phase, long done, long total,
        List<String> errors, Instant startedAt, Instant finishedAt, Map<String, Object> result)
        implements Serializable {

    public boolean succeeded() {
        return Job.State.SUCCEEDED.text().equals(state);
    }
}
