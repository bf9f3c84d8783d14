package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openpchat.chat.domain.access.PermissionMatrix.Block;
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
 * in permission-matrix.txt (written by hand, not derived from the rules). One test per block;
 * a failure lists every cell of the block that differs.
 */
class RoomAccessMatrixTest {

    static final List<String> COLUMNS = List.of(
            "FIND", "JOIN", "READ_HISTORY", "POST", "MANAGE", "DISABLE", "DELETE", "MOVE_CATEGORY", "CREATE_ROOM");
    static final List<String> ROLES = List.of(
            "creator", "denied-creator", "manager", "local-manager", "denied-manager", "presenter",
            "denied-presenter", "member", "allowed", "denied", "outsider", "admin");
    /** The words after privacy and type in a block's setting. */
    static final Set<String> FLAGS = Set.of("DISABLED", "NOHISTORY", "EMPTY");

    static List<Block> blocks() {
        return new PermissionMatrix(ROLES, COLUMNS)
                .read(RoomAccessMatrixTest.class.getResourceAsStream("permission-matrix.txt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void everyRoleAndOperationOfTheBlock(Block block) {
        Fixture fixture = new Fixture(block.setting());
        List<String> wrong = new ArrayList<>();
        block.cells().forEach((role, row) -> row.forEach((operation, expected) -> {
            boolean actual = fixture.permits(role, operation);
            if (actual != expected) {
                wrong.add(role + " " + operation + ": " + (actual ? "allowed" : "refused")
                        + ", the matrix says " + (expected ? "allowed" : "refused"));
            }
        }));
        assertThat(wrong).as(block.setting()).isEmpty();
    }

    /** The blocks that make each flag decisive stay in the file: each flag with every privacy and both types. */
    @Test
    void everyFlagAppearsWithEveryPrivacyAndEveryType() {
        List<List<String>> settings = blocks().stream().map(b -> List.of(b.setting().split(" "))).toList();
        for (Privacy privacy : Privacy.values()) {
            for (RoomType type : RoomType.values()) {
                assertThat(settings).as(privacy + " " + type)
                        .anyMatch(s -> s.get(0).equals(privacy.name()) && s.get(1).equals(type.name()));
            }
        }
        for (String flag : FLAGS) {
            assertThat(settings.stream().filter(s -> s.contains(flag)).map(s -> s.get(0)).collect(Collectors.toSet()))
                    .as(flag).containsExactlyInAnyOrder("OPEN", "CLOSED", "SECRET");
            assertThat(settings.stream().filter(s -> s.contains(flag)).map(s -> s.get(1)).collect(Collectors.toSet()))
                    .as(flag).containsExactlyInAnyOrder("NORMAL", "AUDITORIUM");
        }
    }

    /**
     * The directory, categories and room of one block. The category's wall (group analysts) is
     * raised after the room's lists were filled, so the denied roles stay on the lists: the rules,
     * not the list checks, must keep them out.
     */
    static final class Fixture {
        final InMemoryPrincipals directory = new InMemoryPrincipals();
        final Category category = new Category("Trading", null);
        final Category target = new Category("Research", null);
        final Room room;
        final Map<String, PrincipalId> users = new LinkedHashMap<>();

        Fixture(String setting) {
            ROLES.forEach(role -> users.put(role, directory.user(role + "@example.com").principalId()));
            // member is in the desk only through two levels of nested groups
            directory.group("desk-core", users.get("member"));
            directory.group("desk", PrincipalId.group("desk-core"), users.get("denied"));
            directory.group("analysts", users.get("denied"), users.get("denied-creator"),
                    users.get("denied-manager"), users.get("denied-presenter"));
            directory.group("staff", PrincipalId.group("desk"), users.get("creator"), users.get("denied-creator"),
                    users.get("manager"), users.get("local-manager"), users.get("denied-manager"),
                    users.get("presenter"), users.get("denied-presenter"), users.get("allowed"));

            category.modifyAllowedMembers(AccessList.adding(PrincipalId.group("staff")));
            category.modifyCreators(AccessList.adding(users.get("creator"), users.get("denied-creator"),
                    users.get("local-manager")));
            target.modifyAllowedMembers(AccessList.adding(PrincipalId.group("staff")));
            target.modifyCreators(AccessList.adding(users.get("manager"), users.get("denied-manager")));

            List<String> words = List.of(setting.split(" "));
            if (words.size() < 2) {
                throw new IllegalArgumentException("setting '" + setting + "' needs a privacy and a type");
            }
            List<String> flags = words.subList(2, words.size());
            if (!FLAGS.containsAll(flags) || Set.copyOf(flags).size() != flags.size()) {
                throw new IllegalArgumentException("setting '" + setting + "': flags are " + FLAGS + ", each once");
            }
            room = new Room("Desk", category, Instant.EPOCH);
            room.changePrivacy(Privacy.valueOf(words.get(0)));
            room.changeType(RoomType.valueOf(words.get(1)));
            if (!flags.contains("EMPTY")) {
                room.modifyMembers(AccessList.adding(PrincipalId.group("desk"), users.get("presenter"),
                        users.get("denied-presenter")), directory::affiliationsOf);
            }
            room.modifyManagers(AccessList.adding(users.get("manager"), users.get("local-manager"),
                    users.get("denied-manager")), directory::affiliationsOf);
            room.modifyPresenters(AccessList.adding(users.get("presenter"), users.get("denied-presenter")),
                    directory::affiliationsOf);
            category.modifyDeniedMembers(AccessList.adding(PrincipalId.group("analysts")));
            if (flags.contains("DISABLED")) {
                room.disable();
            }
            if (flags.contains("NOHISTORY")) {
                category.enableChatHistory(false);
            }
        }

        boolean permits(String role, String operation) {
            Actor actor = actor(role);
            return switch (operation) {
                case "MOVE_CATEGORY" -> RoomAccess.mayMove(actor, room, target);
                case "CREATE_ROOM" -> RoomAccess.mayCreateRoom(actor, category);
                default -> RoomAccess.permits(actor, Operation.valueOf(operation), room);
            };
        }

        Actor actor(String role) {
            PrincipalId id = users.get(role);
            Affiliations affiliations = directory.affiliationsOf(id);
            Actor actor = Actor.user(id, affiliations);
            return role.equals("admin") ? actor.asAdministrator() : actor;
        }
    }
}
