package org.openpchat.chat.infrastructure.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.ALICE;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.LOBBY;
import static org.openpchat.chat.domain.compliance.ComplianceEvents.event;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpchat.chat.application.compliance.ComplianceExport;
import org.openpchat.chat.application.compliance.ComplianceExportClaim;
import org.openpchat.chat.application.compliance.adapter.AdapterConfig;
import org.openpchat.chat.application.compliance.adapter.ComplianceAdapter;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.Conversation;
import org.openpchat.chat.infrastructure.persistence.ResourceLocalTransactions;
import org.openpchat.chat.infrastructure.schema.SchemaChangelog;
import org.openpchat.chat.infrastructure.schema.TestDatabase.Kind;

/**
 * The claim on the mgccomp schema the changelog makes (its seeded row), on H2 and on PostgreSQL
 * (a pool's database): two servers' transactions that claim at the same moment run one after the
 * other, the second reading the row and the events as the first left them, through the real
 * {@link ComplianceExport} over the JPA store and claim.
 */
class JpaComplianceExportClaimTest {

    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    /** How long a claim that must wait is watched to still wait. */
    private static final long STILL_WAITING_MILLIS = 500;
    private static final long TIMEOUT_SECONDS = LockingDatabase.TIMEOUT_SECONDS;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private LockingDatabase database;
    private EntityManagerFactory factory;

    private void open(Kind kind) throws SQLException {
        database = new LockingDatabase(kind, SchemaChangelog.MGCCOMP, "mgccomp");
        factory = database.factory();
    }

    @AfterEach
    void close() throws SQLException {
        threads.shutdownNow();
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theChangelogSeedsTheRowAndARecordedRunIsReadBackWithItsServer(Kind kind) throws Exception {
        open(kind);

        Instant never = inTransaction(em -> new JpaComplianceExportClaim(em, "chat1/server").claim());
        inTransaction(em -> {
            JpaComplianceExportClaim claim = new JpaComplianceExportClaim(em, "chat1/server");
            claim.claim();
            claim.recordRun(T0.plusNanos(123_000));
            return null;
        });

        assertThat(never).isEqualTo(Instant.EPOCH);
        Instant recorded = inTransaction(em -> new JpaComplianceExportClaim(em, "chat2/server").claim());
        assertThat(recorded).isEqualTo(T0.plusNanos(123_000));
        ComplianceExportClaimRecord row = inTransaction(em -> em.find(ComplianceExportClaimRecord.class,
                ComplianceExportClaimRecord.ROW));
        assertThat(row.lastRunBy()).isEqualTo("chat1/server");
        assertThat(rows()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void serversStartingARunAtOnceStartOne(Kind kind) throws Exception {
        open(kind);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstCommits = new CountDownLatch(1);
        CountDownLatch secondClaims = new CountDownLatch(1);

        Future<Boolean> first = onAnotherServer(em -> {
            boolean started = export(em, "first", T0, null).startRunIfDue(INTERVAL);
            firstStarted.countDown();
            await(firstCommits);
            return started;
        });
        await(firstStarted);
        Future<Boolean> second = onAnotherServer(em -> export(em, "second", T0.plusSeconds(1), secondClaims)
                .startRunIfDue(INTERVAL));
        await(secondClaims);
        Thread.sleep(STILL_WAITING_MILLIS);

        assertThat(second).as("the second claim waits for the first transaction").isNotDone();
        firstCommits.countDown();
        assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("it read the first server's run").isFalse();
        ComplianceExportClaimRecord row = inTransaction(em -> em.find(ComplianceExportClaimRecord.class,
                ComplianceExportClaimRecord.ROW));
        assertThat(row.lastRunAt()).isEqualTo(T0);
        assertThat(row.lastRunBy()).isEqualTo("first");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void batchesOfTwoServersAtOnceExportEachEventOnce(Kind kind) throws Exception {
        open(kind);
        inTransaction(em -> new JpaComplianceStore(em).storeAllOnce(IntStream.rangeClosed(1, 3)
                .mapToObj(i -> event(i, ComplianceEventType.CHAT, LOBBY, ALICE, i, "m" + i)).toList()));
        List<String> exported = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstTranslates = new CountDownLatch(1);
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch secondClaims = new CountDownLatch(1);

        Future<Integer> first = onAnotherServer(em -> export(em, "first", T0, null).exportBatch(
                adapter("first", exported, () -> {
                    firstTranslates.countDown();
                    await(firstWritten);
                }), true));
        await(firstTranslates);
        Future<Integer> second = onAnotherServer(em -> export(em, "second", T0, secondClaims).exportBatch(
                adapter("second", exported, () -> { }), true));
        await(secondClaims);
        Thread.sleep(STILL_WAITING_MILLIS);

        assertThat(second).as("the second batch waits for the first").isNotDone();
        firstWritten.countDown();
        assertThat(first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("it found the events purged").isZero();
        assertThat(exported).containsExactly("first: 3 events");
        long left = inTransaction(em -> new JpaComplianceStore(em).countOfRoom(LOBBY.uid()));
        assertThat(left).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRowDeletedByHandComesBack(Kind kind) throws Exception {
        open(kind);
        inTransaction(em -> em.createNativeQuery("DELETE FROM COMPLIANCE_EXPORT_CLAIM").executeUpdate());

        boolean started = inTransaction(em -> export(em, "chat1", T0, null).startRunIfDue(INTERVAL));

        assertThat(started).isTrue();
        assertThat(rows()).isEqualTo(1);
        Instant recorded = inTransaction(em -> new JpaComplianceExportClaim(em, "chat1").claim());
        assertThat(recorded).isEqualTo(T0);
    }

    /** The export of one server in this entity manager's transaction; {@code claiming} opens just before it claims. */
    private static ComplianceExport export(EntityManager em, String server, Instant now, CountDownLatch claiming) {
        JpaComplianceExportClaim claim = new JpaComplianceExportClaim(em, server);
        ComplianceExportClaim announced = new ComplianceExportClaim() {
            @Override
            public Instant claim() {
                if (claiming != null) {
                    claiming.countDown();
                }
                return claim.claim();
            }

            @Override
            public void recordRun(Instant at) {
                claim.recordRun(at);
            }
        };
        return new ComplianceExport(new JpaComplianceStore(em), announced, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ComplianceAdapter adapter(String server, List<String> exported, Runnable whileWriting) {
        return new ComplianceAdapter() {
            @Override
            public void configure(AdapterConfig config) {
            }

            @Override
            public void translate(List<Conversation> conversations) {
                whileWriting.run();
                exported.add(server + ": " + conversations.stream().mapToInt(c -> c.events().size()).sum() + " events");
            }
        };
    }

    private <T> Future<T> onAnotherServer(Function<EntityManager, T> work) {
        return threads.submit(() -> inTransaction(work));
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return ResourceLocalTransactions.inTransaction(factory, work);
    }

    private long rows() {
        return inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM COMPLIANCE_EXPORT_CLAIM")
                .getSingleResult()).longValue());
    }

    private static void await(CountDownLatch latch) {
        LockingDatabase.await(latch);
    }
}
