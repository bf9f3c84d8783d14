package org.openpchat.it.sipe;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.openpchat.chat.application.chat.HistoryService;
import org.openpchat.chat.application.demo.DemoData;
import org.openpchat.chat.application.directory.DirectoryService;
import org.openpchat.chat.application.room.RoomService;
import org.openpchat.chat.domain.message.ChatMessage;
import org.openpchat.chat.domain.room.Room;

/**
 * Server side of SipeInteropIT (deployed in the test web module, GET /pchat-it/sipe-fixture):
 * seeds the demo data if the database has none (as the --demo test domains do on start), then
 * answers, one tab-separated line each, {@code seeded <true|false>}, {@code room <name> <uri>}
 * for the demo rooms, and {@code history <author uri> <text>} for the newest {@code last}
 * messages of the room {@code history} as {@code as} may read them (oldest first).
 */
@WebServlet("/sipe-fixture")
public class SipeFixtureServlet extends HttpServlet {

    private static final String DOMAIN = "example.com";

    @EJB(lookup = "java:app/chat-ejb/DemoData")
    private DemoData demoData;
    @EJB(lookup = "java:app/chat-ejb/RoomService")
    private RoomService rooms;
    @EJB(lookup = "java:app/chat-ejb/HistoryService")
    private HistoryService history;
    @EJB(lookup = "java:app/chat-ejb/DirectoryService")
    private DirectoryService directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean seeded = demoData.seedIfEmpty();
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        out.println("seeded\t" + seeded);
        for (String name : new String[] {"Lobby", "Announcements", "Project X", "Desk"}) {
            Room room = rooms.find(name);
            out.println("room\t" + room.name() + "\t" + room.uri(DOMAIN));
        }
        String historyRoom = request.getParameter("history");
        if (historyRoom != null) {
            String as = request.getParameter("as");
            int last = Integer.parseInt(request.getParameter("last"));
            for (ChatMessage message : history.newest(directory.actorFor(as + "@" + DOMAIN), historyRoom, last)) {
                out.println("history\tsip:" + message.author().name() + "\t"
                        + message.content().replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
            }
        }
    }
}
