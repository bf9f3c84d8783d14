package org.openpchat.chat.application.compliance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link ComplianceOutboxRelay} on this node: within {@link #GATHER} after a transaction
 * that added events commits (a task on the managed executor looks that often whether a commit
 * asked for a run, so the use case does not wait), and every second as a safety net (events left
 * behind by a crash or a failed send, or added on another node). One run at a time: a request
 * during a run makes the run go round once more. The task is scheduled once: scheduling one per
 * commit made GlassFish capture the caller's context each time, which reloads its context
 * providers through a ServiceLoader (2 % of the CPU in a logon storm).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComplianceRelay {

    /**
     * Test hook: when a batch holding an event of the room with this uid (system property) has
     * been sent, the relay fails once before removing the batch from the outbox, as if the server
     * died there. Unset in production.
     */
    public static final String FAIL_AFTER_SEND_PROPERTY = "openpchat.compliance.relay.fail-after-send-room-uid";
    private static final Logger LOG = Logger.getLogger(ComplianceRelay.class.getName());
    private static final Object WAKE_REGISTERED = new Object();
    /**
     * How often the executor's task looks for a request, so at most how long a run waits after
     * the commit that asked for it: the events committed meanwhile go in the same batch (three
     * short transactions and one JMS send whatever the batch holds), instead of a run per post
     * when posts come in quick succession.
     */
    static final Duration GATHER = Duration.ofMillis(100);

    @Inject
    private ComplianceOutbox outbox;
    @Inject
    private ComplianceRelayLock lock;
    @Inject
    private ComplianceEventPublisher queue;
    @EJB
    private ComplianceRelayTransactions transactions;
    @Resource
    private TransactionSynchronizationRegistry registry;
    @Resource
    private ManagedScheduledExecutorService executor;
    @Resource
    private SessionContext context;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean failing;
    private ComplianceOutboxRelay relay;
    private ComplianceRelay self;
    private ScheduledFuture<?> gatherer;

    public ComplianceRelay() {
    }

    /**
     * Outside the container (tests): over this outbox and queue, with this registry's
     * transactions; without the executor, so the test calls {@link #gather} itself, and without
     * the session context (a run calls this object directly).
     */
    ComplianceRelay(ComplianceOutbox outbox, ComplianceRelayLock lock, ComplianceEventPublisher queue,
            ComplianceRelayTransactions transactions, TransactionSynchronizationRegistry registry) {
        this.outbox = outbox;
        this.lock = lock;
        this.queue = queue;
        this.transactions = transactions;
        this.registry = registry;
        init();
    }

    @PostConstruct
    void init() {
        relay = new ComplianceOutboxRelay(outbox, lock, queue, transactions, ComplianceOutboxRelay.DEFAULT_BATCH,
                ComplianceRelay::failAfterSendHook);
        self = context != null ? context.getBusinessObject(ComplianceRelay.class) : this;
        if (executor != null) {
            gatherer = executor.scheduleWithFixedDelay(this::gather, GATHER.toMillis(), GATHER.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (gatherer != null) {
            gatherer.cancel(false);
        }
    }

    /**
     * One round of the executor's task: a run if a commit asked for one. A periodic task that
     * throws is not run again, so whatever fails here is left to the next round.
     */
    void gather() {
        if (!requested.get()) {
            return;
        }
        try {
            self.relayNow();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "compliance relay not run now; the next round tries", e);
        }
    }

    /**
     * Called inside a use case's transaction after it added events: once that transaction has
     * committed, the relay runs (within {@link #GATHER}). Without a transaction it runs at the
     * next tick.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void wakeAfterCommit() {
        if (registry.getTransactionKey() == null || registry.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        registry.putResource(WAKE_REGISTERED, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    requested.set(true);
                }
            }
        });
    }

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
    void tick() {
        requested.set(true);
        relayNow();
    }

    /**
     * Sends what the outbox holds, unless a run is going on (which then goes round once more);
     * returns the number of events this call sent.
     */
    public int relayNow() {
        int sent = 0;
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                sent += relay.relayAll();
                if (failing) {
                    failing = false;
                    LOG.info("compliance relay sends again");
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    LOG.log(Level.WARNING, "compliance relay failed; the events stay in the outbox and are sent"
                            + " again (failures are logged at FINE until it recovers)", e);
                } else {
                    LOG.log(Level.FINE, "compliance relay failed again", e);
                }
                failing = true;
                return sent;
            } finally {
                running.set(false);
            }
        }
        return sent;
    }

    /** Events in the outbox, not yet sent (or sent but not yet removed). */
    public long backlog() {
        return outbox.count();
    }

    /** When the oldest event still in the outbox happened; empty if none waits. */
    public Optional<Instant> oldestWaiting() {
        return outbox.oldest(1).stream().findFirst().map(entry -> entry.event().occurredAt());
    }

    private static void failAfterSendHook(List<ComplianceOutbox.Entry> batch) {
        String room = System.getProperty(FAIL_AFTER_SEND_PROPERTY);
        if (room != null && batch.stream().anyMatch(e -> e.event().room().uid().equals(room))
                && System.getProperties().remove(FAIL_AFTER_SEND_PROPERTY, room)) {
            throw new IllegalStateException("injected failure after sending compliance events of room " + room);
        }
    }
}
