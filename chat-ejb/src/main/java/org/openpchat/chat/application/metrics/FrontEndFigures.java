package org.openpchat.chat.application.metrics;

import java.util.List;

/**
 * What a chat front end of this node (the SIP one) reports for operators' metrics, as it was
 * when asked. Counts marked "since start" only grow.
 *
 * @param chatSessions chat dialogs open now
 * @param joins rooms entered by those dialogs, since start
 * @param posts posts handed to the front end for delivery, since start
 * @param deliveries copies of posts sent to members, since start
 * @param connections client connections open now
 * @param queuedMessages messages waiting to be written to clients now
 * @param slowConnectionsCut connections closed because their client stopped reading, since start
 * @param failedConnectionsCut connections given up because writing to them failed, since start
 * @param deliveryDelayMillis how far behind the front end's queues are now (one of the two figures that shed posts)
 * @param postTimeMillis how long the latest posts took to be carried out (the other)
 * @param writeLatency messages to clients from being sent until written, since start
 */
public record FrontEndFigures(int chatSessions, long joins, long posts, long deliveries, int connections,
        long queuedMessages, long slowConnectionsCut, long failedConnectionsCut, long deliveryDelayMillis,
        long postTimeMillis, Histogram writeLatency) {

    /** Cumulative: {@code cumulativeCounts.get(i)} took at most {@code upperBoundsSeconds.get(i)}. */
    public record Histogram(List<Double> upperBoundsSeconds, List<Long> cumulativeCounts, long count,
            double sumSeconds) {

        public Histogram {
            upperBoundsSeconds = List.copyOf(upperBoundsSeconds);
            cumulativeCounts = List.copyOf(cumulativeCounts);
        }
    }
}
