package org.openpchat.crash;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.openpchat.chat.application.category.CategoryService;
import org.openpchat.chat.application.category.CategorySpec;
import org.openpchat.chat.application.chat.ChatService;
import org.openpchat.chat.application.compliance.ComplianceConfigurationChange;
import org.openpchat.chat.application.compliance.ComplianceConfigurationService;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.application.room.RoomSpec;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * The in-server half of compliance-crash-test.sh (deployed only by that script):
 * POST /setup makes a room and switches exporting off (so nothing is purged), POST /load posts at
 * a steady rate in the background, GET /check compares the room's stored posts (mgc) with its
 * compliance events (mgccomp) and counts its events still waiting in the outbox (mgc).
 */
@WebServlet("/*")
public class CrashLoadServlet extends HttpServlet {

    private static final AtomicLong POSTED = new AtomicLong();

    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;
    @EJB(lookup = "java:app/chat-ejb/CategoryService")
    private CategoryService categories;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/ChatService")
    private ChatService chat;
    @EJB(lookup = "java:app/chat-ejb/ComplianceConfigurationService")
    private ComplianceConfigurationService configurations;
    @Resource
    private ManagedExecutorService executor;
    @Resource(lookup = "jdbc/pchat/mgc")
    private DataSource mgc;
    @Resource(lookup = "jdbc/pchat/mgccomp")
    private DataSource mgccomp;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if ("/setup".equals(path)) {
            response.getWriter().print(setup());
        } else if ("/load".equals(path)) {
            String room = request.getParameter("room");
            int rate = Integer.parseInt(request.getParameter("rate"));
            int seconds = Integer.parseInt(request.getParameter("seconds"));
            executor.submit(() -> load(room, rate, seconds));
            response.getWriter().print("loading");
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/check".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        try {
            response.getWriter().print(check(request.getParameter("room")));
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private String setup() {
        Actor admin = Actor.administrator("crash-test");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String user = "crash-" + tag + "@example.com";
        directory.createUser(user, "Crash", null, null);
        directory.createGroup("crash-" + tag, null);
        directory.addToGroup("crash-" + tag, "sip:" + user);
        categories.create(admin, CategorySpec.named("crash-" + tag));
        categories.modifyAllowedMembers(admin, "crash-" + tag, AccessList.adding(PrincipalId.group("crash-" + tag)));
        rooms.create(admin, RoomSpec.named("crash-" + tag, "crash-" + tag).withPrivacy(Privacy.OPEN));
        configurations.set(admin, "service:PersistentChatServer:localhost",
                ComplianceConfigurationChange.none().withAdapter("", null));
        return "crash-" + tag;
    }

    private void load(String room, int rate, int seconds) {
        Actor writer = directory.actorFor(room + "@example.com");
        long start = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + Duration.ofSeconds(1).toNanos() * i / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            chat.post(writer, room, "crash post " + i);
            POSTED.incrementAndGet();
        }
    }

    private String check(String room) throws SQLException {
        String uid;
        List<Long> posts = new ArrayList<>();
        try (Connection connection = mgc.getConnection()) {
            uid = single(connection, "SELECT PUBLIC_ID FROM ROOM WHERE NAME = ?", room);
            try (PreparedStatement query = connection.prepareStatement("SELECT M.MESSAGE_ID FROM CHAT_MESSAGE M"
                    + " JOIN ROOM R ON R.ID = M.ROOM_ID WHERE R.NAME = ?")) {
                query.setString(1, room);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        posts.add(rows.getLong(1));
                    }
                }
            }
        }
        Map<Long, Integer> chatEvents = new HashMap<>();
        int other = 0;
        try (Connection connection = mgccomp.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT EVENT_TYPE, MESSAGE_ID FROM COMPLIANCE_EVENT WHERE ROOM_UID = ?")) {
            query.setString(1, uid);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if ("CHAT".equals(rows.getString(1))) {
                        chatEvents.merge(rows.getLong(2), 1, Integer::sum);
                    } else {
                        other++;
                    }
                }
            }
        }
        long outbox;
        try (Connection connection = mgc.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM COMPLIANCE_OUTBOX WHERE ROOM_UID = ?")) {
            query.setString(1, uid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                outbox = rows.getLong(1);
            }
        }
        long missing = posts.stream().filter(id -> !chatEvents.containsKey(id)).count();
        long duplicated = chatEvents.values().stream().filter(n -> n > 1).count();
        long extra = chatEvents.keySet().stream().filter(id -> !posts.contains(id)).count();
        return "posts=" + posts.size() + " chat_events=" + chatEvents.values().stream().mapToInt(n -> n).sum()
                + " missing=" + missing + " duplicated=" + duplicated + " extra=" + extra + " other=" + other
                + " outbox=" + outbox + " posted_since_start=" + POSTED.get();
    }

    private static String single(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
