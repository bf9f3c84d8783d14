package org.openpchat.chat.application.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.DESK;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.MovableClock;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.Conversation;

/**
 * Captured events on their way out: stored once, exported in batches by the configured adapter,
 * then purged or marked; the schedule waits for the run interval.
 */
class ComplianceExportTest {

    private final InMemoryComplianceStore store = new InMemoryComplianceStore();
    private final ComplianceIntake intake = new ComplianceIntake(store);
    private final List<String> adapterCalls = new ArrayList<>();
    private final List<ComplianceEvent> translated = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:00:00Z"));
    private final InMemoryChatServer server = new InMemoryChatServer();
    private final ComplianceConfigurationService configurations = server.complianceService();
    private final InMemoryComplianceExportClaim claim = new InMemoryComplianceExportClaim(new ArrayList<>());
    private final ComplianceExport export = new ComplianceExport(store, claim, clock);
    private final ComplianceExportScheduler scheduler = new ComplianceExportScheduler(configurations, export,
            type -> new RecordingAdapter(type), clock);

    private final class RecordingAdapter implements ComplianceAdapter {
        private final String type;

        RecordingAdapter(String type) {
            this.type = type;
            adapterCalls.add("create " + type);
        }

        @Override
        public void configure(AdapterConfig config) {
            adapterCalls.add("configure " + type + " " + config.outputDirectory());
        }

        @Override
        public void translate(List<Conversation> conversations) {
            adapterCalls.add("translate " + conversations.size());
            conversations.forEach(c -> translated.addAll(c.events()));
        }
    }

    private static ComplianceEvent chat(int seed, org.openpchat.chat.domain.compliance.ComplianceRoom room) {
        return event(seed, ComplianceEventType.CHAT, room, ALICE, seed, "m" + seed);
    }

    private void exportEveryMinuteTo(String directory, boolean purge) {
        configurations.set(server.admin, "global", ComplianceConfigurationChange.none()
                .withAdapter("XmlAdapter", "Xml").withOutput(directory, Duration.ofMinutes(1)).withPurge(purge));
    }

    @Test
    void aRedeliveredEventIsStoredOnce() {
        ComplianceEvent event = chat(1, LOBBY);

        assertThat(intake.accept(event)).isTrue();
        assertThat(intake.accept(event)).isFalse();
        intake.accept(chat(2, DESK));

        assertThat(intake.ofRoom(LOBBY.uid())).extracting(StoredComplianceEvent::event).containsExactly(event);
        assertThat(intake.countOfRoom(LOBBY.uid())).isEqualTo(1);
        assertThat(intake.countUnprocessed()).isEqualTo(2);
    }

    @Test
    void aBatchGoesToTheAdapterAsConversationsAndIsThenPurgedOrMarked() {
        intake.accept(chat(1, LOBBY));
        intake.accept(chat(2, DESK));
        intake.accept(chat(3, LOBBY));
        RecordingAdapter adapter = new RecordingAdapter("test");

        assertThat(export.exportBatch(adapter, false)).isEqualTo(3);
        assertThat(adapterCalls).containsExactly("create test", "translate 2");
        assertThat(translated).hasSize(3);
        assertThat(intake.countUnprocessed()).isZero();
        assertThat(store.size()).as("marked, kept").isEqualTo(3);
        assertThat(export.exportBatch(adapter, true)).isZero();
        assertThat(adapterCalls).hasSize(2);

        intake.accept(chat(4, LOBBY));
        assertThat(export.exportBatch(adapter, true)).isEqualTo(1);
        assertThat(store.size()).as("purged").isEqualTo(3);
    }

    @Test
    void runningNowExportsEverythingInBatchesWithOneConfiguredAdapter() {
        IntStream.rangeClosed(1, ComplianceExport.BATCH_SIZE + 1).forEach(i -> intake.accept(chat(i, LOBBY)));
        exportEveryMinuteTo("/var/compliance", true);

        assertThat(scheduler.runNow()).isEqualTo(ComplianceExport.BATCH_SIZE + 1);

        assertThat(adapterCalls).containsExactly("create XmlAdapter", "configure XmlAdapter /var/compliance",
                "translate 1", "translate 1");
        assertThat(store.size()).isZero();
        assertThat(scheduler.lastExport()).isEqualTo(new ComplianceExportScheduler.LastExport(clock.instant(),
                ComplianceExport.BATCH_SIZE + 1));
        intake.accept(chat(9999, LOBBY));
        assertThat(scheduler.runNow()).isEqualTo(1);
        assertThat(adapterCalls).as("the same adapter while the configuration stays").hasSize(5);
    }

    @Test
    void aRunThatExportedSomethingSaysSoInTheLogAndAnEmptyRunSaysNothing() {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(ComplianceExportScheduler.class.getName());
        log.addHandler(handler);
        try {
            exportEveryMinuteTo("/var/compliance", true);
            scheduler.runNow();
            assertThat(logged).as("nothing to export").isEmpty();

            intake.accept(chat(1, LOBBY));
            scheduler.runNow();
            assertThat(logged).singleElement().extracting(LogRecord::getParameters)
                    .isEqualTo(new Object[] {"Xml", 1, java.nio.file.Path.of("/var/compliance")});
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void aChangedConfigurationLoadsANewAdapter() {
        exportEveryMinuteTo("/a", true);
        scheduler.runNow();
        exportEveryMinuteTo("/b", true);
        scheduler.runNow();

        assertThat(adapterCalls).containsExactly("create XmlAdapter", "configure XmlAdapter /a", "create XmlAdapter",
                "configure XmlAdapter /b");
    }

    @Test
    void withoutAnAdapterNothingIsExported() {
        intake.accept(chat(1, LOBBY));

        assertThat(scheduler.runNow()).isZero();
        scheduler.tick();

        assertThat(adapterCalls).isEmpty();
        assertThat(scheduler.lastExport()).isNull();
        assertThat(intake.countUnprocessed()).isEqualTo(1);
    }

    @Test
    void theScheduleExportsOncePerRunInterval() {
        exportEveryMinuteTo("/var/compliance", false);
        intake.accept(chat(1, LOBBY));

        scheduler.tick();
        assertThat(intake.countUnprocessed()).isZero();

        intake.accept(chat(2, LOBBY));
        clock.advance(Duration.ofSeconds(57));
        scheduler.tick();
        assertThat(intake.countUnprocessed()).as("too early").isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();
        assertThat(intake.countUnprocessed()).as("a tick early by up to 2 s still runs").isZero();
        assertThat(scheduler.lastExport().at()).isEqualTo(clock.instant());
    }

    @Test
    void aFailingScheduledExportKeepsTheEventsQueued() {
        ComplianceExportScheduler failing = new ComplianceExportScheduler(configurations, export,
                type -> {
                    throw new IllegalStateException("no such adapter " + type);
                }, clock);
        exportEveryMinuteTo("/var/compliance", true);
        intake.accept(chat(1, LOBBY));

        failing.tick();

        assertThat(intake.countUnprocessed()).isEqualTo(1);
        assertThatThrownBy(failing::runNow).hasMessage("no such adapter XmlAdapter");
    }
}
