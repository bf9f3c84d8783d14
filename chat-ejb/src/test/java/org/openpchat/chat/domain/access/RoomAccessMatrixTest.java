package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;

/**
 * Every role against every room setting and every operation, checked against the explicit table
 * in permission-matrix.txt (written by hand, not derived from the rules).
 */
class RoomAccessMatrixTest {

    private static final String[] COLUMNS = {
        "FIND", "JOIN", "READ_HISTORY", "POST", "MANAGE", "DISABLE", "DELETE", "MOVE_CATEGORY", "CREATE_ROOM"
    };

    record Case(String setting, String role, String operation, boolean expected) {
        @Override
        public String toString() {
            return setting + " / " + role + " / " + operation + " -> " + (expected ? "allowed" : "refused");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matrix(Case c) {
        Fixture fixture = new Fixture(c.setting());
        Actor actor = fixture.actor(c.role());
        boolean actual = switch (c.operation()) {
            case "MOVE_CATEGORY" -> RoomAccess.mayMove(actor, fixture.room, fixture.target);
            case "CREATE_ROOM" -> RoomAccess.mayCreateRoom(actor, fixture.category);
            default -> RoomAccess.permits(actor, Operation.valueOf(c.operation()), fixture.room);
        };
        assertThat(actual).as(c.toString()).isEqualTo(c.expected());
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        var in = RoomAccessMatrixTest.class.getResourceAsStream("permission-matrix.txt");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String setting = null;
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("==")) {
                    setting = line.substring(2).strip();
                    continue;
                }
                String[] cells = line.split("\\s+");
                assertThat(cells).as("row " + line).hasSize(COLUMNS.length + 1);
                for (int i = 0; i < COLUMNS.length; i++) {
                    cases.add(new Case(setting, cells[0], COLUMNS[i], cells[i + 1].equals("Y")));
                }
            }
        }
        assertThat(cases).hasSize(8 * 8 * COLUMNS.length);
        return cases.stream();
    }

    /** The directory, categories and room of one block of the matrix. */
    static final class Fixture {
        final InMemoryPrincipals directory = new InMemoryPrincipals();
        final Category category = new Category("Trading", null);
        final Category target = new Category("Research", null);
        final Room room;
        final Map<String, PrincipalId> users = Map.of(
                "creator", PrincipalId.user("creator@example.com"),
                "manager", PrincipalId.user("manager@example.com"),
                "presenter", PrincipalId.user("presenter@example.com"),
                "member", PrincipalId.user("member@example.com"),
                "allowed", PrincipalId.user("allowed@example.com"),
                "denied", PrincipalId.user("denied@example.com"),
                "outsider", PrincipalId.user("outsider@example.com"),
                "admin", PrincipalId.user("admin@example.com"));

        Fixture(String setting) {
            users.values().forEach(id -> directory.user(id.name()));
            // member is in the desk only through two levels of nested groups
            directory.group("desk-core", users.get("member"));
            directory.group("desk", PrincipalId.group("desk-core"), users.get("denied"));
            directory.group("analysts", users.get("denied"));
            directory.group("staff", users.get("creator"), users.get("manager"), users.get("presenter"),
                    PrincipalId.group("desk"), users.get("allowed"));

            category.modifyAllowedMembers(AccessList.adding(PrincipalId.group("staff")));
            category.modifyDeniedMembers(AccessList.adding(PrincipalId.group("analysts")));
            category.modifyCreators(AccessList.adding(users.get("creator")));
            target.modifyAllowedMembers(AccessList.adding(PrincipalId.group("staff")));
            target.modifyCreators(AccessList.adding(users.get("manager")));

            String[] words = setting.split(" ");
            room = new Room("Desk", category, Instant.EPOCH);
            room.changePrivacy(Privacy.valueOf(words[0]));
            room.changeType(RoomType.valueOf(words[1]));
            List<String> flags = List.of(words).subList(2, words.length);
            room.modifyMembers(AccessList.adding(PrincipalId.group("desk"), users.get("presenter")),
                    directory::affiliationsOf);
            room.modifyManagers(AccessList.adding(users.get("manager")), directory::affiliationsOf);
            room.modifyPresenters(AccessList.adding(users.get("presenter")), directory::affiliationsOf);
            if (flags.contains("DISABLED")) {
                room.disable();
            }
            if (flags.contains("NOHISTORY")) {
                category.enableChatHistory(false);
            }
        }

        Actor actor(String role) {
            PrincipalId id = users.get(role);
            Affiliations affiliations = directory.affiliationsOf(id);
            Actor actor = Actor.user(id, affiliations);
            return role.equals("admin") ? actor.asAdministrator() : actor;
        }
    }
}
