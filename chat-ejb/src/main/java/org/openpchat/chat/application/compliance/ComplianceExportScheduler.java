package org.openpchat.chat.application.compliance;

import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapterFactory;

/**
 * Runs the configured adapter every RunInterval and on demand. A tick every 15 seconds checks
 * whether the interval has passed, so a changed configuration applies without rescheduling. The adapter
 * is configured once and kept until the configuration changes. Reading the configuration (mgc)
 * and exporting (mgccomp) are separate transactions: the pools are not XA.
 * In a pool every server ticks, and the interval is the pool's: a run starts only when the pool's
 * last run (any server's, scheduled or manual, read from the {@link ComplianceExportClaim} under its
 * lock) is an interval ago, and each batch takes the claim, so the servers' batches never overlap.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComplianceExportScheduler {

    private static final Logger LOG = Logger.getLogger(ComplianceExportScheduler.class.getName());
    /** Timer ticks jitter by a little; without slack a 1-minute interval would often take 75 s. */
    private static final Duration TICK_SLACK = Duration.ofSeconds(2);

    @EJB
    private ComplianceConfigurationService configurations;
    @EJB
    private ComplianceExport export;
    @Inject
    private ComplianceAdapterFactory adapters;

    /** When this server last exported, and how many events. */
    public record LastExport(Instant at, int events) implements java.io.Serializable {
    }

    private final Clock clock;
    private volatile LastExport lastExport;
    private AdapterConfig loadedConfig;
    private ComplianceAdapter loadedAdapter;

    public ComplianceExportScheduler() {
        this.clock = Clock.systemUTC();
    }

    /** Outside the container (tests): with these services and this clock. */
    public ComplianceExportScheduler(ComplianceConfigurationService configurations, ComplianceExport export,
            ComplianceAdapterFactory adapters, Clock clock) {
        this.configurations = configurations;
        this.export = export;
        this.adapters = adapters;
        this.clock = clock;
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void tick() {
        try {
            Optional<AdapterConfig> config = configurations.effectiveAdapterConfig();
            if (config.isPresent() && export.startRunIfDue(config.get().runInterval().minus(TICK_SLACK))) {
                exportAll(config.get());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "compliance export failed; the events stay queued in mgccomp", e);
        }
    }

    /** Exports everything unprocessed now, whatever the interval; returns the number of events exported. */
    public int runNow() {
        return configurations.effectiveAdapterConfig().map(this::runNow).orElse(0);
    }

    /**
     * Exports everything unprocessed now with the given configuration's adapter, whatever the
     * interval; the pool's next scheduled run comes an interval later.
     */
    public int runNow(AdapterConfig config) {
        export.startRun();
        return exportAll(config);
    }

    @Lock(LockType.READ)
    public LastExport lastExport() {
        return lastExport;
    }

    /** The batches of a run that has started: until one is not full. */
    private int exportAll(AdapterConfig config) {
        ComplianceAdapter adapter = adapterFor(config);
        int total = 0;
        int exported;
        do {
            exported = export.exportBatch(adapter, config.purgeAfterProcessing());
            total += exported;
        } while (exported == ComplianceExport.BATCH_SIZE);
        lastExport = new LastExport(clock.instant(), total);
        if (total > 0) {
            LOG.log(Level.INFO, "compliance adapter {0} exported {1} events to {2}",
                    new Object[] {config.adapterName(), total, config.outputDirectory()});
        }
        return total;
    }

    private ComplianceAdapter adapterFor(AdapterConfig config) {
        if (!config.equals(loadedConfig)) {
            ComplianceAdapter adapter = adapters.create(config.adapterType());
            adapter.configure(config);
            loadedAdapter = adapter;
            loadedConfig = config;
        }
        return loadedAdapter;
    }
}
