package org.openpchat.sip.container;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Whether a TCP or TLS connection the container has just accepted may stay, within
 * {@link ConnectionLimits}: one admission serves all listeners of a container.
 *
 * <p>It keeps the sockets it admitted and forgets the closed ones when it counts; JAIN-SIP closes
 * a connection's socket when the connection ends, so no hook into JAIN-SIP is needed. The sockets
 * of the connecting address are counted afresh at every connection from it (at most
 * {@code perAddress} of them); all sockets only every {@link #RECOUNT_INTERVAL}, so that a flood
 * at the total limit does not cost a walk over every open connection per refused one. A
 * connection that ended is therefore free for its own address at once, for others within that
 * interval.
 *
 * <p>Refusals are logged as one WARNING per limit per {@link #WARNING_INTERVAL}, naming the
 * address at hand and how many were refused since the previous warning.
 */
final class ConnectionAdmission {

    static final Duration RECOUNT_INTERVAL = Duration.ofSeconds(1);
    static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(ConnectionAdmission.class.getName());

    private final ConnectionLimits limits;
    private final LongSupplier nanoTime;
    private final Map<InetAddress, List<Socket>> open = new HashMap<>();
    /** Sockets in {@link #open}, some of which may have closed since they were counted. */
    private int counted;
    private long recountedAt;
    private final Warning overAddress;
    private final Warning overTotal;

    ConnectionAdmission(ConnectionLimits limits) {
        this(limits, System::nanoTime);
    }

    ConnectionAdmission(ConnectionLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        this.recountedAt = now - RECOUNT_INTERVAL.toNanos();
        this.overAddress = new Warning(now, " open from there, the most one address may have (-D"
                + ConnectionLimits.PER_ADDRESS_PROPERTY + "=" + limits.perAddress() + ")");
        this.overTotal = new Warning(now, " open, the most the container keeps (-D" + ConnectionLimits.TOTAL_PROPERTY
                + "=" + limits.total() + ")");
    }

    /** True if {@code accepted} may stay; else the caller closes it. */
    synchronized boolean admit(Socket accepted) {
        long now = nanoTime.getAsLong();
        if (now - recountedAt >= RECOUNT_INTERVAL.toNanos()) {
            recount();
            recountedAt = now;
        }
        InetAddress address = accepted.getInetAddress();
        List<Socket> fromAddress = open.get(address);
        if (fromAddress != null) {
            int before = fromAddress.size();
            fromAddress.removeIf(Socket::isClosed);
            counted -= before - fromAddress.size();
            if (fromAddress.size() >= limits.perAddress()) {
                overAddress.refused(address, fromAddress.size(), now);
                return false;
            }
        }
        if (counted >= limits.total()) {
            overTotal.refused(address, counted, now);
            return false;
        }
        open.computeIfAbsent(address, a -> new ArrayList<>()).add(accepted);
        counted++;
        return true;
    }

    private void recount() {
        counted = 0;
        for (Iterator<List<Socket>> lists = open.values().iterator(); lists.hasNext();) {
            List<Socket> fromAddress = lists.next();
            fromAddress.removeIf(Socket::isClosed);
            if (fromAddress.isEmpty()) {
                lists.remove();
            } else {
                counted += fromAddress.size();
            }
        }
    }

    /** The WARNING for one limit: at most one per interval. */
    private static final class Warning {
        private final String limit;
        private long warnedAt;
        private int refusedSince;

        Warning(long now, String limit) {
            this.limit = limit;
            this.warnedAt = now - WARNING_INTERVAL.toNanos();
        }

        void refused(InetAddress address, int openCount, long now) {
            refusedSince++;
            if (now - warnedAt >= WARNING_INTERVAL.toNanos()) {
                LOG.warning("SIP refused a TCP/TLS connection from " + address.getHostAddress() + ": " + openCount
                        + " connections" + limit + "; " + refusedSince + " refused for this limit since its last"
                        + " warning (at most one a minute)");
                warnedAt = now;
                refusedSince = 0;
            }
        }
    }
}
