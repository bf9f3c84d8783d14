package org.openpchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.compliance.ComplianceExportScheduler;
import org.openpchat.chat.application.compliance.ComplianceIntake;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * Throughput of the compliance pipeline (post → queue → MDB → mgccomp) and the drain lag at a
 * steady post rate. Prints its figures to the server log (grep "compliance benchmark" in
 * the server.log of src-test/target/gf-h2 and gf-postgresql) and checks only that
 * nothing is lost or duplicated.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceThroughputIT {

    private static final Logger LOG = Logger.getLogger("org.openpchat.it.benchmark");
    private static final int BURST_POSTS = 1000;
    private static final int BURST_THREADS = 4;
    private static final int STEADY_RATE = 50;
    private static final int STEADY_SECONDS = 6;

    @Deployment
    static EnterpriseArchive deployment() {
        return PchatDeployment.withTests(ComplianceThroughputIT.class);
    }

    private static final String SERVICE_CONFIGURATION = "service:PersistentChatServer:localhost";

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/CategoryService")
    private CategoryService categories;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/ComplianceIntake")
    private ComplianceIntake compliance;
    @EJB(lookup = "java:app/chat-ejb/ComplianceConfigurationService")
    private ComplianceConfigurationService configurations;
    @EJB(lookup = "java:app/chat-ejb/ComplianceExportScheduler")
    private ComplianceExportScheduler exporter;
    @Resource
    private ManagedExecutorService executor;

    @Test
    void measuresThroughputAndLag() throws Exception {
        Actor admin = Actor.administrator("it");
        boolean existed = configurations.views(admin).stream()
                .anyMatch(view -> view.identity().equalsIgnoreCase(SERVICE_CONFIGURATION));
        configurations.set(admin, SERVICE_CONFIGURATION, ComplianceConfigurationChange.none()
                .withAdapter("XmlAdapter", "Bench")
                .withOutput(Files.createTempDirectory("pchat-bench").toString(), Duration.ofDays(30)));
        try {
            measure(admin);
        } finally {
            // left in place, its exports would take the events later test classes look for
            if (!existed) {
                configurations.remove(admin, SERVICE_CONFIGURATION);
            }
        }
    }

    private void measure(Actor admin) throws Exception {
        exporter.runNow();
        String group = Fixtures.unique("grp");
        String writerName = Fixtures.unique("w") + "@example.com";
        directory.createUser(writerName, "Writer", null, null);
        directory.createGroup(group, null);
        directory.addToGroup(group, "sip:" + writerName);
        String category = Fixtures.unique("cat");
        categories.create(admin, CategorySpec.named(category));
        categories.modifyAllowedMembers(admin, category, AccessList.adding(PrincipalId.group(group)));
        Actor writer = directory.actorFor(writerName);

        String burstRoom = room(admin, category);
        Instant start = Instant.now();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < BURST_THREADS; t++) {
            workers.add(executor.submit(() -> {
                for (int i = 0; i < BURST_POSTS / BURST_THREADS; i++) {
                    chat.post(writer, burstRoom, "burst " + i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        Duration posting = Duration.between(start, Instant.now());
        awaitStored(burstRoom, BURST_POSTS);
        Duration endToEnd = Duration.between(start, Instant.now());

        String steadyRoom = room(admin, category);
        Instant steadyStart = Instant.now();
        int steadyPosts = STEADY_RATE * STEADY_SECONDS;
        for (int i = 0; i < steadyPosts; i++) {
            Instant due = steadyStart.plusMillis(i * 1000L / STEADY_RATE);
            long wait = Duration.between(Instant.now(), due).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            chat.post(writer, steadyRoom, "steady " + i);
        }
        Instant lastPost = Instant.now();
        awaitStored(steadyRoom, steadyPosts);
        Duration drainLag = Duration.between(lastPost, Instant.now());

        String report = String.format("compliance benchmark (%s): burst %d posts from %d threads: posting %.0f posts/s,"
                        + " queue->MDB->mgccomp %.0f events/s end to end (%d ms); steady %d posts/s for %d s: all stored"
                        + " %d ms after the last post", databaseName(), BURST_POSTS,
                BURST_THREADS, BURST_POSTS * 1000.0 / Math.max(1, posting.toMillis()),
                BURST_POSTS * 1000.0 / Math.max(1, endToEnd.toMillis()), endToEnd.toMillis(), STEADY_RATE,
                STEADY_SECONDS, drainLag.toMillis());
        LOG.info(report);
        assertThat(compliance.ofRoom(rooms.find(burstRoom).uid())).hasSize(BURST_POSTS)
                .extracting(s -> s.event().messageId()).doesNotHaveDuplicates();
    }

    private static String databaseName() {
        try {
            DataSource mgccomp = InitialContext.doLookup("jdbc/pchat/mgccomp");
            try (Connection connection = mgccomp.getConnection()) {
                return connection.getMetaData().getDatabaseProductName();
            }
        } catch (NamingException | SQLException e) {
            return "unknown database";
        }
    }

    private String room(Actor admin, String category) {
        String name = Fixtures.unique("room");
        rooms.create(admin, RoomSpec.named(name, category).withPrivacy(Privacy.OPEN));
        return name;
    }

    private void awaitStored(String roomName, int count) throws InterruptedException {
        String uid = rooms.find(roomName).uid();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (compliance.countOfRoom(uid) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + compliance.countOfRoom(uid) + " of " + count + " stored");
            }
            Thread.sleep(50);
        }
    }
}
