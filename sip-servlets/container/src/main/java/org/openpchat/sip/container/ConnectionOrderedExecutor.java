package org.openpchat.sip.container;

import gov.nist.javax.sip.ThreadAffinityIdentifier;
import gov.nist.javax.sip.parser.NioPipelineParser;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where JAIN-SIP's NIO transport parses and processes what arrives: a few lanes, each one thread,
 * and all messages of one connection on the same lane, in the order they arrived. JAIN-SIP
 * 1.3.0-91 hands every message to its own executor round-robin, so two messages of one connection
 * (an INFO and the next INFO of the same dialog) could be processed out of order or at once; the
 * blocking transport it replaces read and processed each connection in order on its own thread.
 *
 * <p>JAIN-SIP keeps that executor in a static field of its stack class and makes its own when the
 * field is empty (after any stack's stop); {@link #installIn} puts this one there, and the
 * container calls it again if it finds the field changed. A stack's stop shuts that executor down:
 * this one ignores it ({@link #shutdown}) and ends at {@link #close}.
 *
 * <p>How long each message waited for its lane is reported: when the machine runs out of CPU this
 * is where what arrives piles up (every member's {@code 200 OK} to a fan-out, and the next posts),
 * before any queue the container keeps.
 */
final class ConnectionOrderedExecutor extends AbstractExecutorService implements ScheduledExecutorService {

    private static final Logger LOG = Logger.getLogger(ConnectionOrderedExecutor.class.getName());
    private static final VarHandle EXECUTOR = staticField();
    private static final VarHandle PARSER_OF_DISPATCH = parserOfDispatch();

    private final List<ScheduledExecutorService> lanes = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final LongConsumer waited;

    /** {@code waited} hears, in nanoseconds, how long each task given to {@link #execute} waited for its lane. */
    ConnectionOrderedExecutor(int laneCount, LongConsumer waited) {
        this.waited = waited;
        AtomicInteger numbers = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "SIP inbound " + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        for (int i = 0; i < laneCount; i++) {
            lanes.add(Executors.newSingleThreadScheduledExecutor(threads));
        }
    }

    private static VarHandle staticField() {
        try {
            return MethodHandles.privateLookupIn(SIPTransactionStack.class, MethodHandles.lookup())
                    .findStaticVarHandle(SIPTransactionStack.class, "selfRoutingThreadpoolExecutor",
                            ScheduledExecutorService.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JAIN-SIP's executor cannot be replaced: messages of one connection may be"
                    + " processed out of order", e);
            return null;
        }
    }

    private static VarHandle parserOfDispatch() {
        try {
            return MethodHandles.privateLookupIn(NioPipelineParser.Dispatch.class, MethodHandles.lookup())
                    .findVarHandle(NioPipelineParser.Dispatch.class, "this$0", NioPipelineParser.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "JAIN-SIP's parsed messages cannot be told apart by connection: they are"
                    + " ordered by Call-ID only", e);
            return null;
        }
    }

    /** Makes this JAIN-SIP's executor; false if it was already. */
    boolean installIn() {
        return EXECUTOR != null && EXECUTOR.getAndSet(this) != this;
    }

    /** True if JAIN-SIP's executor is this one (or cannot be replaced). */
    boolean installed() {
        return EXECUTOR == null || EXECUTOR.get() == this;
    }

    @Override
    public void execute(Runnable task) {
        ScheduledExecutorService lane = lanes.get(laneOf(task));
        long queued = System.nanoTime();
        lane.execute(() -> {
            waited.accept(System.nanoTime() - queued);
            task.run();
        });
    }

    int laneOf(Runnable task) {
        Object key = null;
        if (task instanceof NioPipelineParser.Dispatch && PARSER_OF_DISPATCH != null) {
            key = PARSER_OF_DISPATCH.get(task);
        } else if (task instanceof ThreadAffinityIdentifier affine) {
            key = affine.getThreadHash();
        }
        int hash = key == null ? next.getAndIncrement() : key instanceof NioPipelineParser ? System.identityHashCode(key)
                : key.hashCode();
        return Math.floorMod(hash, lanes.size());
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return lanes.get(laneOf(task)).schedule(task, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
        return lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size())).schedule(task, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return lanes.get(laneOf(task)).scheduleAtFixedRate(task, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
        return lanes.get(laneOf(task)).scheduleWithFixedDelay(task, initialDelay, delay, unit);
    }

    /** Ignored: any stack's stop calls it, a client stack's too. */
    @Override
    public void shutdown() {
        // the container ends this executor with close()
    }

    /** Leaves JAIN-SIP's place empty (a later stack makes its own) and ends the lanes once what they hold has run. */
    void close() {
        if (EXECUTOR != null) {
            EXECUTOR.compareAndSet(this, null);
        }
        lanes.forEach(ScheduledExecutorService::shutdown);
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> waiting = new ArrayList<>();
        lanes.forEach(lane -> waiting.addAll(lane.shutdownNow()));
        return waiting;
    }

    @Override
    public boolean isShutdown() {
        return lanes.stream().allMatch(ScheduledExecutorService::isShutdown);
    }

    @Override
    public boolean isTerminated() {
        return lanes.stream().allMatch(ScheduledExecutorService::isTerminated);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (ScheduledExecutorService lane : lanes) {
            if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
