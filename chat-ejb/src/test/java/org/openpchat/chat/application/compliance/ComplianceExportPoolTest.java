package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * The export in a pool: two servers on one mgccomp (one store, one claim). RunInterval is the
 * pool's: a scheduled run starts only when the pool's last run, whichever server made it, is an
 * interval ago, and it is recorded on the claim; a manual run exports at once whatever the
 * interval; every batch takes the claim before it reads events. The claim's lock itself (a second
 * server waiting) is JpaComplianceExportClaimTest's part.
 */
class ComplianceExportPoolTest {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final List<String> journal = new ArrayList<>();
    private final InMemoryComplianceStore store = new InMemoryComplianceStore() {
        @Override
        public List<StoredComplianceEvent> unprocessed(int max) {
            List<StoredComplianceEvent> batch = super.unprocessed(max);
            journal.add("read " + batch.size());
            return batch;
        }
    };
    private final InMemoryComplianceExportClaim claim = new InMemoryComplianceExportClaim(journal);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemoryChatServer chat = new InMemoryChatServer();
    private final ComplianceConfigurationService configurations = chat.complianceService();
    private final List<String> exported = new ArrayList<>();
    private final ComplianceExportScheduler first = server("first");
    private final ComplianceExportScheduler second = server("second");

    @BeforeEach
    void exportEveryMinute() {
        configurations.set(chat.admin, "global", ComplianceConfigurationChange.none()
                .withAdapter("XmlAdapter", "Xml").withOutput("/var/compliance", INTERVAL).withPurge(true));
    }

    @Test
    void serversTickingTogetherStartOneRunAndExportEachEventOnce() {
        capture(1, 2);

        first.tick();
        second.tick();

        assertThat(journal).as("the second server's tick only looked at the claim").containsExactly(
                "claim", "run " + clock.instant(), "claim", "read 2", "claim");
        assertThat(exported).containsExactly("first: 2 events");
        assertThat(store.countUnprocessed()).isZero();
        assertThat(second.lastExport()).as("the second server ran nothing").isNull();
        assertThat(claim.lastRun).isEqualTo(clock.instant());
    }

    @Test
    void theIntervalRunsFromThePoolsLastRunWhicheverServerMadeIt() {
        first.tick(); // a run with nothing to export counts: the interval is the time between runs
        capture(1);

        clock.advance(Duration.ofSeconds(57));
        second.tick();
        assertThat(exported).as("57 s after the first server's run").isEmpty();

        clock.advance(Duration.ofSeconds(1));
        second.tick();
        assertThat(exported).as("a tick early by up to 2 s still runs").containsExactly("second: 1 events");
        assertThat(claim.lastRun).isEqualTo(clock.instant());

        capture(2);
        clock.advance(Duration.ofSeconds(30));
        first.tick();
        assertThat(exported).as("30 s after the second server's run").hasSize(1);
        assertThat(first.lastExport().at()).as("this server's own last run").isEqualTo(clock.instant().minusSeconds(88));
    }

    @Test
    void aManualRunExportsAtOnceWhateverTheIntervalAndTheNextScheduledRunIsAnIntervalLater() {
        first.tick();
        capture(1, 2, 3);
        clock.advance(Duration.ofSeconds(10));

        assertThat(second.runNow()).isEqualTo(3);
        assertThat(exported).containsExactly("second: 3 events");
        assertThat(claim.lastRun).isEqualTo(clock.instant());

        capture(4);
        clock.advance(Duration.ofSeconds(57));
        first.tick();
        assertThat(exported).as("57 s after the manual run").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        first.tick();
        assertThat(exported).containsExactly("second: 3 events", "first: 1 events");
    }

    @Test
    void everyBatchTakesTheClaimBeforeItReadsEvents() {
        capture(IntStream.rangeClosed(1, ComplianceExport.BATCH_SIZE + 1).toArray());

        assertThat(first.runNow()).isEqualTo(ComplianceExport.BATCH_SIZE + 1);

        assertThat(journal).containsExactly("claim", "run " + clock.instant(),
                "claim", "read " + ComplianceExport.BATCH_SIZE, "claim", "read 1");
    }

    @Test
    void aFailedRunIsTriedAgainAnIntervalLaterNotAtEveryTickOfEveryServer() {
        List<String> attempts = new ArrayList<>();
        ComplianceExportScheduler failing = new ComplianceExportScheduler(configurations,
                new ComplianceExport(store, claim, clock), type -> {
                    attempts.add(type);
                    throw new IllegalStateException("no such adapter " + type);
                }, clock);
        capture(1);

        failing.tick();
        clock.advance(Duration.ofSeconds(15));
        failing.tick();
        second.tick();
        assertThat(attempts).hasSize(1);
        assertThat(store.countUnprocessed()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(45));
        second.tick();
        assertThat(exported).containsExactly("second: 1 events");
    }

    @Test
    void aRunIsDueFromExactlyOneIntervalAfterThePoolsLastRun() {
        ComplianceExport export = new ComplianceExport(store, claim, clock);
        claim.lastRun = clock.instant().minus(INTERVAL).plusMillis(1);

        assertThat(export.startRunIfDue(INTERVAL)).isFalse();
        assertThat(claim.lastRun).as("unchanged").isEqualTo(clock.instant().minus(INTERVAL).plusMillis(1));

        claim.lastRun = clock.instant().minus(INTERVAL);
        assertThat(export.startRunIfDue(INTERVAL)).isTrue();
        assertThat(claim.lastRun).isEqualTo(clock.instant());
    }

    @Test
    void aServerThatWaitedForTheClaimDecidesAndRecordsByTheTimeItGotIt() {
        claim.lastRun = clock.instant().minusSeconds(59);
        ComplianceExportClaim waiting = new ComplianceExportClaim() {
            @Override
            public Instant claim() {
                clock.advance(Duration.ofSeconds(2)); // another server held it
                return claim.claim();
            }

            @Override
            public void recordRun(Instant at) {
                claim.recordRun(at);
            }
        };

        assertThat(new ComplianceExport(store, waiting, clock).startRunIfDue(INTERVAL)).isTrue();
        assertThat(claim.lastRun).isEqualTo(clock.instant());
    }

    private ComplianceExportScheduler server(String name) {
        return new ComplianceExportScheduler(configurations, new ComplianceExport(store, claim, clock),
                type -> new ComplianceAdapter() {
                    @Override
                    public void configure(AdapterConfig config) {
                    }

                    @Override
                    public void translate(List<Conversation> conversations) {
                        exported.add(name + ": " + conversations.stream().mapToInt(c -> c.events().size()).sum()
                                + " events");
                    }
                }, clock);
    }

    private void capture(int... seeds) {
        for (int seed : seeds) {
            store.storeOnce(event(seed, ComplianceEventType.CHAT, LOBBY, ALICE, seed, "m" + seed));
        }
    }
}
