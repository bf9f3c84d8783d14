package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.compliance.ComplianceExportScheduler;
import org.openpchat.chat.application.compliance.ComplianceIntake;
import org.openpchat.chat.application.compliance.ComplianceEventPublisher;
import org.openpchat.chat.application.compliance.ComplianceOutboxRelay;
import org.openpchat.chat.application.compliance.ComplianceRelay;
import org.openpchat.chat.application.compliance.ComplianceRelayTransactions;
import org.openpchat.chat.application.compliance.StoredComplianceEvent;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.compliance.ComplianceEvent;
import org.openpchat.chat.domain.compliance.ComplianceEventType;
import org.openpchat.chat.domain.compliance.ComplianceRoom;
import org.openpchat.chat.domain.compliance.ComplianceUser;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.infrastructure.compliance.ComplianceBatchMessage;
import org.openpchat.chat.infrastructure.compliance.ComplianceEventMdb;
import org.openpchat.chat.infrastructure.compliance.ComplianceMessageCodec;
import org.openpchat.chat.infrastructure.compliance.ComplianceMessageMac;
import org.openpchat.chat.infrastructure.compliance.JmsDeadLetters;
import org.openpchat.chat.infrastructure.compliance.adapter.LyncXmlAdapter;
import org.openpchat.chat.infrastructure.compliance.adapter.SecureXml;

/**
 * The compliance pipeline in the server: use case → outbox in mgc (same transaction) → relay →
 * JMS → MDB → mgccomp → adapter → file.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** OpenMQ's own dead-letter queue: where a message goes once its redelivery limit is reached. */
    private static final String BROKER_DEAD_LETTER_QUEUE = "mq.sys.dmq";

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(ComplianceIT.class, OtherNodeOutbox.class);
    }

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/CategoryService")
    private CategoryService categories;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/HistoryService")
    private HistoryService history;
    @EJB(lookup = "java:app/chat-ejb/ComplianceIntake")
    private ComplianceIntake compliance;
    @EJB(lookup = "java:app/chat-ejb/ComplianceConfigurationService")
    private ComplianceConfigurationService configurations;
    @EJB(lookup = "java:app/chat-ejb/ComplianceExportScheduler")
    private ComplianceExportScheduler exporter;
    @Resource(lookup = "jms/pchat/ConnectionFactory")
    private ConnectionFactory connectionFactory;
    @Resource(lookup = "jms/pchat/ComplianceQueue")
    private Queue complianceQueue;
    @Resource
    private UserTransaction transaction;
    @EJB(lookup = "java:app/chat-ejb/ComplianceRelayTransactions")
    private ComplianceRelayTransactions relayTransactions;
    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource
    private ManagedExecutorService executor;

    private final Actor admin = Actor.administrator("it");
    private Actor writer;
    private Actor reader;
    private String writerUri;
    private String readerUri;
    private Room room;
    private Path output;

    @BeforeEach
    void openRoomAndExportToATempFolder() throws Exception {
        String group = Fixtures.unique("grp");
        String writerName = Fixtures.unique("w") + "@example.com";
        String readerName = Fixtures.unique("r") + "@example.com";
        writerUri = "sip:" + writerName;
        readerUri = "sip:" + readerName;
        directory.createUser(writerName, "Writer", null, null);
        directory.createUser(readerName, "Reader", null, null);
        directory.createGroup(group, null);
        directory.addToGroup(group, writerUri);
        directory.addToGroup(group, readerUri);
        String category = Fixtures.unique("cat");
        categories.create(admin, CategorySpec.named(category));
        categories.modifyAllowedMembers(admin, category, AccessList.adding(PrincipalId.group(group)));
        String name = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(name, category).withPrivacy(Privacy.OPEN));
        room = rooms.find(name);
        writer = directory.actorFor(writerName);
        reader = directory.actorFor(readerName);

        // The service scope beats the demo's global one-minute export; exporting once now resets
        // the interval so the timer leaves this test's events alone.
        output = Files.createTempDirectory("pchat-compliance-it");
        exportToTheTempFolder();
    }

    private void exportToTheTempFolder() {
        configurations.set(admin, "service:PersistentChatServer:localhost", ComplianceConfigurationChange.none()
                .withAdapter("XmlAdapter", "ItXml").withOutput(output.toString(), Duration.ofDays(30))
                .withOptions(true, false, false, false).withPurge(false));
        exporter.runNow();
    }

    @Test
    void aScriptedConversationProducesExactlyItsEventsAndAValidFile() throws Exception {
        chat.join(writer, room.name());
        chat.join(reader, room.name());
        for (int i = 1; i <= 3; i++) {
            chat.post(writer, room.name(), "post " + i + " <&>");
        }
        history.newest(reader, room.name(), 2);
        chat.leave(writer, room.name());
        chat.leave(reader, room.name());

        List<StoredComplianceEvent> stored = awaitEvents(room.uid(), 8);
        assertThat(stored).extracting(s -> s.event().type() + " " + s.event().user().uri()).containsExactly(
                "JOIN " + writerUri, "JOIN " + readerUri, "CHAT " + writerUri, "CHAT " + writerUri,
                "CHAT " + writerUri, "BACKCHAT " + readerUri, "PART " + writerUri, "PART " + readerUri);
        assertThat(stored).extracting(s -> s.event().eventId()).doesNotHaveDuplicates();
        assertThat(stored.subList(2, 5)).extracting(s -> s.event().messageId() + ":" + s.event().content())
                .containsExactly("1:post 1 <&>", "2:post 2 <&>", "3:post 3 <&>");
        assertThat(stored.get(5).event().content()).isEqualTo("newest 2; 2 messages (2-3)");

        assertThat(exporter.runNow()).isGreaterThanOrEqualTo(8);
        Path file = onlyFileFor(room.uid(), ".xml");
        byte[] xml = Files.readAllBytes(file);
        SecureXml.validate(SecureXml.schema(LyncXmlAdapter.class.getResource(LyncXmlAdapter.SCHEMA)), xml);
        assertThat(withoutTimesAndIds(new String(xml, StandardCharsets.UTF_8)))
                .isEqualTo(golden());
        assertThat(compliance.ofRoom(room.uid())).allMatch(StoredComplianceEvent::processed);
    }

    @Test
    void theStylesheetAndTheEmlAdapterWorkInTheServer() throws Exception {
        configurations.set(admin, "service:PersistentChatServer:localhost",
                ComplianceConfigurationChange.none().withCustomConfiguration(ROOM_LIST_XSLT));
        chat.join(writer, room.name());
        chat.post(writer, room.name(), "styled");
        awaitEvents(room.uid(), 2);
        exporter.runNow();
        assertThat(Files.readString(onlyFileFor(room.uid(), ".xml")))
                .contains("<RoomList><Room uri=\"" + room.uri("example.com") + "\" events=\"2\"/></RoomList>");

        configurations.set(admin, "service:PersistentChatServer:localhost", ComplianceConfigurationChange.none()
                .withAdapter("EmlAdapter", "ItEml").withCustomConfiguration(""));
        chat.post(writer, room.name(), "mailed ünïcode");
        awaitEvents(room.uid(), 3);
        exporter.runNow();
        String eml = Files.readString(onlyFileFor(room.uid(), ".eml"), StandardCharsets.US_ASCII);
        int split = eml.indexOf("\r\n\r\n");
        assertThat(eml.substring(0, split)).contains("From: Writer <" + writerUri.substring(4) + ">",
                "Subject: Persistent Chat: " + room.name(), "Content-Transfer-Encoding: base64");
        String body = new String(Base64.getMimeDecoder().decode(eml.substring(split + 4).strip()),
                StandardCharsets.UTF_8);
        assertThat(body).contains("CHAT #2 " + writerUri + " (Writer): mailed ünïcode");
    }

    /**
     * The demo's global configuration (Lync XML, one minute, purge) drives the timer once the
     * service scope is gone: this room's event is exported into the demo folder by the timer alone
     * within two minutes of the last export (the default interval of 15 minutes could not), and
     * purged from mgccomp after.
     */
    @Test
    void theDemoConfigurationExportsEveryMinuteByTheTimer() throws Exception {
        var demo = configurations.find("global").orElseThrow();
        assertThat(demo.adapterType()).isEqualTo("XmlAdapter");
        assertThat(demo.purgeAfterProcessing()).isTrue();
        Path demoFolder = Path.of(demo.outputDirectory());
        Instant lastExport = Instant.now();
        configurations.remove(admin, "service:PersistentChatServer:localhost");
        try {
            chat.join(writer, room.name());
            awaitEvents(room.uid(), 1);
            String roomUri = room.uri("example.com").toString();
            Instant deadline = lastExport.plus(Duration.ofMinutes(2));
            while (demoFilesMentioning(demoFolder, roomUri, lastExport).isEmpty()) {
                assertThat(Instant.now()).as("no export by the timer into " + demoFolder).isBefore(deadline);
                Thread.sleep(500);
            }
            assertThat(Files.readString(demoFilesMentioning(demoFolder, roomUri, lastExport).get(0)))
                    .contains("<Channel uri=\"" + roomUri + "\"", "type=\"JOIN\"", writerUri);
            await(() -> compliance.ofRoom(room.uid()).isEmpty());
        } finally {
            exportToTheTempFolder();
        }
    }

    /** The XML files written into the folder since {@code since} that contain the text. */
    private static List<Path> demoFilesMentioning(Path folder, String text, Instant since) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> matching = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml")).toList()) {
                if (!Files.getLastModifiedTime(file).toInstant().isBefore(since.minusSeconds(1))
                        && Files.readString(file).contains(text)) {
                    matching.add(file);
                }
            }
            return matching;
        }
    }

    @Test
    void anActionThatRollsBackLeavesNoOutboxRowAndEmitsNoEvent() throws Exception {
        chat.join(writer, room.name());
        awaitEvents(room.uid(), 1);
        // the relay deletes a row only after its event was sent, so the row may outlive the event a moment
        await(() -> outboxRows(room.uid()) == 0);
        transaction.begin();
        try {
            chat.post(writer, room.name(), "never happened");
            assertThat(outboxRows(room.uid())).as("the event waits in the action's transaction").isEqualTo(1);
        } finally {
            transaction.rollback();
        }
        assertThat(outboxRows(room.uid())).isZero();
        chat.post(writer, room.name(), "committed");

        awaitEvents(room.uid(), 2);
        Thread.sleep(2500);
        assertThat(compliance.ofRoom(room.uid())).extracting(s -> s.event().type() + ":" + s.event().content())
                .containsExactly("JOIN:null", "CHAT:committed");
        assertThat(outboxRows(room.uid())).isZero();
    }

    /**
     * Two more relays, as two more chat servers of a pool would run them, work on the same outbox
     * rows as the server's own relay while four writers post: each pauses between sending a batch
     * and removing it, the moment another relay would read and send the same rows if the relay
     * lock did not make it wait. The test checks that the two never sent the same event, that they
     * did send some, and that every event is stored and exported once.
     */
    @Test
    void relaysOfSeveralServersOnOneDatabaseNeverSendTheSameRowsAndEachEventIsStoredAndExportedOnce()
            throws Exception {
        int threads = 4;
        int postsPerThread = 50;
        AtomicBoolean posting = new AtomicBoolean(true);
        Set<String> sentByFirst = ConcurrentHashMap.newKeySet();
        Set<String> sentBySecond = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> otherNodes = List.of(executor.submit(relayUntil(posting, sentByFirst)),
                executor.submit(relayUntil(posting, sentBySecond)));
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            writers.add(executor.submit(() -> {
                for (int i = 0; i < postsPerThread; i++) {
                    chat.post(writer, room.name(), "p");
                }
                return null;
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        posting.set(false);
        for (Future<Integer> node : otherNodes) {
            node.get(2, TimeUnit.MINUTES);
        }

        int total = threads * postsPerThread;
        awaitEvents(room.uid(), total);
        Thread.sleep(2500);
        List<StoredComplianceEvent> stored = compliance.ofRoom(room.uid());
        assertThat(stored).hasSize(total);
        assertThat(stored).extracting(s -> s.event().eventId()).doesNotHaveDuplicates();
        assertThat(stored).extracting(s -> s.event().messageId()).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, total).boxed().toList());
        Set<String> ofThisRoom = stored.stream().map(s -> s.event().eventId()).collect(Collectors.toSet());
        Set<String> sentByBoth = new HashSet<>(sentByFirst);
        sentByBoth.retainAll(sentBySecond);
        assertThat(sentByBoth).as("events sent by both other relays").isEmpty();
        Set<String> sentByEither = new HashSet<>(sentByFirst);
        sentByEither.addAll(sentBySecond);
        sentByEither.retainAll(ofThisRoom);
        assertThat(sentByEither).as("events of this room the other relays sent").isNotEmpty();
        assertThat(outboxRows(room.uid())).isZero();

        exporter.runNow();
        String xml = Files.readString(onlyFileFor(room.uid(), ".xml"));
        assertThat(xml.split("<Message type=\"CHAT\"", -1)).as("exported CHAT messages").hasSize(total + 1);
    }

    /**
     * Another server's relay: the shipped relay logic over {@link OtherNodeOutbox}, sending through
     * the compliance queue in the server's relay transactions, pausing between send and removal.
     */
    private Callable<Integer> relayUntil(AtomicBoolean running, Set<String> sentEventIds) {
        ComplianceEventPublisher queue = new ComplianceEventPublisher() {
            @Override
            public void publish(ComplianceEvent event) {
                try {
                    send(event, null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        // the hook runs once the sends are committed, before the rows are removed
        OtherNodeOutbox outbox = new OtherNodeOutbox(mgc);
        ComplianceOutboxRelay other = new ComplianceOutboxRelay(outbox, outbox.lock(), queue, relayTransactions,
                ComplianceOutboxRelay.DEFAULT_BATCH, batch -> {
                    batch.forEach(entry -> sentEventIds.add(entry.event().eventId()));
                    pause(Duration.ofMillis(20));
                });
        return () -> {
            int sent = 0;
            boolean last = false;
            while (!last) {
                last = !running.get();
                try {
                    int now = other.relayAll();
                    if (now == 0) {
                        pause(Duration.ofMillis(1));
                    }
                    sent += now;
                } catch (RuntimeException e) {
                    // as the server's relay does: the rows stay and the next run sends them
                    last = false;
                    pause(Duration.ofMillis(10));
                }
            }
            return sent;
        };
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRelayFailureBetweenSendAndRemovalSendsAgainAndIsStoredOnce() throws Exception {
        System.setProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY, room.uid());
        try {
            chat.join(writer, room.name());
            chat.post(writer, room.name(), "one");
            chat.post(writer, room.name(), "two");

            awaitEvents(room.uid(), 3);
            await(() -> System.getProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY) == null);
            await(() -> outboxRows(room.uid()) == 0);
            Thread.sleep(2500);
            assertThat(compliance.ofRoom(room.uid())).extracting(s -> s.event().type() + ":" + s.event().content())
                    .containsExactly("JOIN:null", "CHAT:one", "CHAT:two");
        } finally {
            System.clearProperty(ComplianceRelay.FAIL_AFTER_SEND_PROPERTY);
        }
    }

    /** Rows of the room in the outbox table, read through the mgc pool (in the caller's transaction, if any). */
    private long outboxRows(String roomUid) {
        try (Connection connection = mgc.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM COMPLIANCE_OUTBOX WHERE ROOM_UID = ?")) {
            query.setString(1, roomUid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One send; the consumer fails its first delivery (as if mgccomp were down); only the broker's
     * redelivery of that same message can store the event.
     */
    @Test
    void aConsumerFailureIsRedeliveredAndStoredOnce() throws Exception {
        ComplianceEvent event = syntheticEvent();
        System.setProperty(ComplianceEventMdb.FAIL_ONCE_PROPERTY, event.eventId());
        try {
            send(event, null);

            awaitEvents(event.room().uid(), 1);
            assertThat(System.getProperty(ComplianceEventMdb.FAIL_ONCE_PROPERTY))
                    .as("the first delivery failed").isNull();
            Thread.sleep(2000);
            assertThat(compliance.ofRoom(event.room().uid())).extracting(s -> s.event()).containsExactly(event);
        } finally {
            System.clearProperty(ComplianceEventMdb.FAIL_ONCE_PROPERTY);
        }
    }

    /**
     * A readable event whose storing fails on every delivery (as if mgccomp refused it for good):
     * after the redelivery limit the broker moves it to its dead-letter queue, unstored, and an
     * event sent after it is stored.
     */
    @Test
    void anEventThatAlwaysFailsGoesToTheBrokersDeadLetterQueueAndTheQueueMovesOn() throws Exception {
        String marker = UUID.randomUUID().toString();
        ComplianceEvent failing = syntheticEvent();
        System.setProperty(ComplianceEventMdb.FAIL_ALWAYS_PROPERTY, failing.eventId());
        try {
            send(failing, marker);
            ComplianceEvent after = syntheticEvent();
            send(after, null);

            assertThat(inBrokerDeadLetters("itMarker = '" + marker + "'")).isEqualTo(failing);
            assertThat(awaitEvents(after.room().uid(), 1)).extracting(s -> s.event()).containsExactly(after);
            assertThat(compliance.ofRoom(failing.room().uid())).isEmpty();
        } finally {
            System.clearProperty(ComplianceEventMdb.FAIL_ALWAYS_PROPERTY);
        }
    }

    /**
     * A batch as the relay sends it, one of whose events fails on every delivery: the batch's
     * redelivery is sent again as single events, the others are stored, and the failing one alone
     * reaches the broker's dead-letter queue.
     */
    @Test
    void aBatchHoldingAnEventThatAlwaysFailsIsSplitAndOnlyThatEventIsHeldBack() throws Exception {
        ComplianceEvent before = syntheticEvent();
        ComplianceEvent failing = syntheticEvent();
        ComplianceEvent after = syntheticEvent();
        System.setProperty(ComplianceEventMdb.FAIL_ALWAYS_PROPERTY, failing.eventId());
        try {
            sendBatch(List.of(before, failing, after), null, null);

            assertThat(inBrokerDeadLetters(ComplianceMessageCodec.EVENT_ID + " = '" + failing.eventId() + "'"))
                    .as("the failing event alone").isEqualTo(failing);
            assertThat(awaitEvents(before.room().uid(), 1)).extracting(s -> s.event()).containsExactly(before);
            assertThat(awaitEvents(after.room().uid(), 1)).extracting(s -> s.event()).containsExactly(after);
            assertThat(compliance.ofRoom(failing.room().uid())).isEmpty();
        } finally {
            System.clearProperty(ComplianceEventMdb.FAIL_ALWAYS_PROPERTY);
        }
    }

    /** An altered event in a genuine batch goes to the dead-letter queue alone; the others are stored. */
    @Test
    void anAlteredEventInABatchIsDeadLetteredAloneAndTheOthersAreStored() throws Exception {
        String marker = UUID.randomUUID().toString();
        ComplianceEvent first = syntheticEvent();
        ComplianceEvent altered = syntheticEvent();
        ComplianceEvent last = syntheticEvent();

        sendBatch(List.of(first, altered, last), marker, "1.content");

        assertThat(deadLetterReasons(marker, 1)).singleElement().isEqualTo("event 1 (" + altered.eventId()
                + ") of the batch: compliance message with a wrong " + ComplianceMessageMac.PROPERTY
                + " (forged, altered or signed with another key)");
        assertThat(awaitEvents(first.room().uid(), 1)).extracting(s -> s.event()).containsExactly(first);
        assertThat(awaitEvents(last.room().uid(), 1)).extracting(s -> s.event()).containsExactly(last);
        assertThat(compliance.ofRoom(altered.room().uid())).isEmpty();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAndTheQueueMovesOn() throws Exception {
        String marker = UUID.randomUUID().toString();
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage poison = context.createTextMessage("<not-an-event/>");
            poison.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, poison);
            MapMessage invalid = context.createMapMessage();
            ComplianceMessageCodec.write(syntheticEvent(), invalid);
            invalid.setString("type", "SEARCH");
            invalid.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, invalid);
            MapMessage tooLong = context.createMapMessage();
            ComplianceMessageCodec.write(syntheticEvent(), tooLong);
            tooLong.setString("roomName", "n".repeat(257));
            tooLong.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, tooLong);
        }
        ComplianceEvent after = syntheticEvent();
        send(after, null);

        assertThat(deadLetterReasons(marker, 3))
                .anySatisfy(reason -> assertThat(reason).contains("not a MapMessage"))
                .anySatisfy(reason -> assertThat(reason).contains("SEARCH"))
                .anySatisfy(reason -> assertThat(reason).isEqualTo(
                        "compliance event with a roomName of 257 characters; mgccomp stores at most 256"));
        assertThat(awaitEvents(after.room().uid(), 1)).hasSize(1);
    }

    /**
     * Whoever may put messages on the compliance queue (here through the application's own
     * connection factory, so past the broker's access rules) but lacks the HMAC key cannot have a
     * well-formed event stored: unsigned, signed with another key, or a genuine message with a
     * changed field, each goes to the dead-letter queue with the reason and is never stored.
     */
    @Test
    void forgedEventsGoToTheDeadLetterQueueAndAreNeverStored() throws Exception {
        String marker = UUID.randomUUID().toString();
        ComplianceEvent unsigned = syntheticEvent();
        ComplianceEvent otherKey = syntheticEvent();
        ComplianceEvent altered = syntheticEvent();
        byte[] attackersKey = new byte[32];
        new java.security.SecureRandom().nextBytes(attackersKey);
        try (JMSContext context = connectionFactory.createContext()) {
            MapMessage message = context.createMapMessage();
            ComplianceMessageCodec.write(unsigned, message);
            message.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, message);

            message = context.createMapMessage();
            ComplianceMessageCodec.write(otherKey, message);
            new ComplianceMessageMac(attackersKey).sign(otherKey, message);
            message.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, message);

            message = context.createMapMessage();
            ComplianceMessageCodec.write(altered, message);
            ComplianceMessageMac.configured().sign(altered, message);
            message.setString("content", "forged content");
            message.setStringProperty("itMarker", marker);
            context.createProducer().send(complianceQueue, message);
        }
        ComplianceEvent after = syntheticEvent();
        send(after, null);

        assertThat(deadLetterReasons(marker, 3)).anySatisfy(reason -> assertThat(reason).contains("unsigned"))
                .filteredOn(reason -> reason.contains("wrong " + ComplianceMessageMac.PROPERTY)).hasSize(2);
        assertThat(awaitEvents(after.room().uid(), 1)).hasSize(1);
        for (ComplianceEvent forged : List.of(unsigned, otherKey, altered)) {
            assertThat(compliance.ofRoom(forged.room().uid())).as("stored " + forged.eventId()).isEmpty();
        }
    }

    /** The event of the message the selector picks from the broker's dead-letter queue; fails if none comes. */
    private ComplianceEvent inBrokerDeadLetters(String selector) throws Exception {
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer dead = context.createConsumer(context.createQueue(BROKER_DEAD_LETTER_QUEUE), selector)) {
            Message message = dead.receive(WAIT.toMillis());
            assertThat(message).as(selector + " in " + BROKER_DEAD_LETTER_QUEUE).isNotNull();
            return ComplianceMessageCodec.read(message);
        }
    }

    /** The reasons of the {@code count} dead letters a test marked with {@code marker}; fails if fewer come. */
    private List<String> deadLetterReasons(String marker, int count) throws Exception {
        try (JMSContext context = connectionFactory.createContext();
                JMSConsumer deadLetters = context.createConsumer(context.createQueue(JmsDeadLetters.QUEUE),
                        "itMarker = '" + marker + "'")) {
            List<String> reasons = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Message dead = deadLetters.receive(WAIT.toMillis());
                assertThat(dead).as("dead letter " + (i + 1) + " of " + count).isNotNull();
                reasons.add(dead.getStringProperty(JmsDeadLetters.REASON));
            }
            return reasons;
        }
    }

    private ComplianceEvent syntheticEvent() {
        String uid = UUID.randomUUID().toString();
        return ComplianceEvent.of(ComplianceEventType.CHAT, Instant.parse("2026-01-01T00:00:00Z"),
                new ComplianceRoom(uid, "ma-chan://example.com/" + uid, "synthetic", "none", null),
                new ComplianceUser(writerUri, "Writer", 0, true), 1, "synthetic");
    }

    /**
     * Sends the event once as the application's relay does (signed with the server's key), with
     * property itMarker if {@code marker} is not null.
     */
    private void send(ComplianceEvent event, String marker) throws Exception {
        try (JMSContext context = connectionFactory.createContext()) {
            MapMessage message = context.createMapMessage();
            ComplianceMessageCodec.write(event, message);
            ComplianceMessageMac.configured().sign(event, message);
            if (marker != null) {
                message.setStringProperty("itMarker", marker);
            }
            context.createProducer().send(complianceQueue, message);
        }
    }

    /**
     * Sends the events as one batch message, as the application's relay does; with property
     * itMarker if {@code marker} is not null, and field {@code forge} changed after signing.
     */
    private void sendBatch(List<ComplianceEvent> events, String marker, String forge) throws Exception {
        try (JMSContext context = connectionFactory.createContext()) {
            MapMessage message = context.createMapMessage();
            ComplianceBatchMessage.write(events, ComplianceMessageMac.configured(), message);
            if (marker != null) {
                message.setStringProperty("itMarker", marker);
            }
            if (forge != null) {
                message.setString(forge, "forged content");
            }
            context.createProducer().send(complianceQueue, message);
        }
    }

    private List<StoredComplianceEvent> awaitEvents(String roomUid, int count) throws InterruptedException {
        await(() -> compliance.ofRoom(roomUid).size() >= count);
        return compliance.ofRoom(roomUid);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private Path onlyFileFor(String roomUid, String extension) throws Exception {
        List<Path> matching = files(roomUid, extension);
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private List<Path> files(String roomUid, String extension) throws Exception {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().contains(roomUid))
                    .filter(f -> f.getFileName().toString().endsWith(extension)).toList();
        }
    }

    private String withoutTimesAndIds(String xml) {
        return xml.replaceAll("since1970=\"\\d+\" string=\"[^\"]+\" long=\"\\d+\"", "TIME")
                .replaceAll("(<Sender UserName=\"\\w+\") id=\"\\d+\"", "$1")
                .replace(room.uri("example.com").toString(), "ROOM_URI").replace(room.name(), "ROOM_NAME")
                .replace(writerUri, "WRITER").replace(readerUri, "READER");
    }

    private static final String ROOM_LIST_XSLT = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:output method="xml" omit-xml-declaration="yes"/>
              <xsl:template match="/Conversations">
                <RoomList><xsl:for-each select="Conversation">\
            <Room uri="{Channel/@uri}" events="{count(Messages/Message)}"/></xsl:for-each></RoomList>
              </xsl:template>
            </xsl:stylesheet>""";

    private static String golden() {
        String message = """
                      <Message type="%s"%s id="%s">
                        <Sender UserName="%s" internal="true" uri="%s"/>
                        <DateTimeUTC TIME/>
                      </Message>
                """;
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Conversations xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xmlns:xsd="http://www.w3.org/2001/XMLSchema">
                  <Conversation>
                    <Channel uri="ROOM_URI" name="ROOM_NAME"/>
                    <FirstMessage type="JOIN" id="0">
                      <Sender UserName="Writer" internal="true" uri="WRITER"/>
                      <DateTimeUTC TIME/>
                    </FirstMessage>
                    <Messages>
                """
                + message.formatted("JOIN", "", 0, "Writer", "WRITER")
                + message.formatted("JOIN", "", 0, "Reader", "READER")
                + message.formatted("CHAT", " content=\"post 1 &lt;&amp;&gt;\"", 1, "Writer", "WRITER")
                + message.formatted("CHAT", " content=\"post 2 &lt;&amp;&gt;\"", 2, "Writer", "WRITER")
                + message.formatted("CHAT", " content=\"post 3 &lt;&amp;&gt;\"", 3, "Writer", "WRITER")
                + message.formatted("BACKCHAT", " content=\"newest 2; 2 messages (2-3)\"", 0, "Reader", "READER")
                + message.formatted("PART", "", 0, "Writer", "WRITER")
                + message.formatted("PART", "", 0, "Reader", "READER")
                + """
                    </Messages>
                    <StartTimeUTC TIME/>
                    <EndTimeUTC TIME/>
                  </Conversation>
                </Conversations>
                """;
    }
}
