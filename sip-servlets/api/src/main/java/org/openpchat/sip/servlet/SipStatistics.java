package org.openpchat.sip.servlet;

import java.util.List;

/**
 * The SIP container's figures for operators, as they were when read.
 *
 * @param openConnections TCP and TLS connections open now
 * @param queuedMessages messages waiting to be written to connections now
 * @param slowConnectionsCut connections closed since start because their client stopped reading
 *        (too many messages waiting, or a write blocked too long)
 * @param failedConnectionsCut connections given up since start because a write to them failed or
 *        found them closed
 * @param deliveryDelayMillis see {@link SipConnection#getDeliveryDelayMillis()}
 * @param writeLatency how long messages to clients took from being sent by a servlet until
 *        written to their connection, since start
 */
public record SipStatistics(int openConnections, long queuedMessages, long slowConnectionsCut,
        long failedConnectionsCut, long deliveryDelayMillis, Latency writeLatency) {

    /**
     * A cumulative histogram: {@code cumulativeCounts.get(i)} messages took at most
     * {@code upperBoundsSeconds.get(i)}; {@code count} took any time, {@code sumSeconds} in all.
     */
    public record Latency(List<Double> upperBoundsSeconds, List<Long> cumulativeCounts, long count,
            double sumSeconds) {

        public Latency {
            upperBoundsSeconds = List.copyOf(upperBoundsSeconds);
            cumulativeCounts = List.copyOf(cumulativeCounts);
            if (upperBoundsSeconds.size() != cumulativeCounts.size()) {
                throw new IllegalArgumentException("a count for every bound");
            }
        }
    }
}
