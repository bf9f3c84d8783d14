package org.openpchat.chat.application.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.ChatServerSettings;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Privacy;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.infrastructure.persistence.JpaCategoryRepository;
import org.openpchat.chat.infrastructure.persistence.JpaRoomRepository;
import org.openpchat.chat.infrastructure.persistence.JpaTestDatabase;

/**
 * Looking a room up for a user: a Secret room they are not in is refused with the words of a
 * room that does not exist, by URI and by name; its members find it.
 */
class RoomLookupTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId DAVE = PrincipalId.user("dave@example.com");
    private static final PrincipalId STAFF = PrincipalId.group("staff");

    private final JpaTestDatabase db = new JpaTestDatabase();
    private String secretUri;

    @BeforeEach
    void rooms() {
        db.run(em -> {
            Category projects = new Category("Projects", null);
            projects.modifyAllowedMembers(AccessList.adding(STAFF));
            new JpaCategoryRepository(em).add(projects);
            Room secret = new Room("Project X", projects, Instant.EPOCH);
            secret.changePrivacy(Privacy.SECRET);
            secret.modifyMembers(AccessList.adding(ALICE), RoomLookupTest::staff);
            new JpaRoomRepository(em).add(secret);
            secretUri = secret.uri("example.com").toString();
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aSecretRoomIsFoundByItsMembers() {
        assertThat(find(ALICE, secretUri).name()).isEqualTo("Project X");
        assertThat(find(ALICE, "Project X").name()).isEqualTo("Project X");
    }

    @Test
    void toOthersASecretRoomAnswersAsARoomThatDoesNotExist() {
        String missingUri = "ma-chan://example.com/" + java.util.UUID.randomUUID();

        DomainException secret = refusal(DAVE, secretUri);
        DomainException missing = refusal(DAVE, missingUri);

        assertThat(secret.reason()).isEqualTo(DomainException.Reason.NOT_FOUND);
        assertThat(secret.getMessage()).isEqualTo("no such room: " + secretUri)
                .isEqualTo(missing.getMessage().replace(missingUri, secretUri))
                .doesNotContain("Project X");
        assertThat(refusal(DAVE, "Project X").getMessage()).as("by name: the words of a missing name")
                .isEqualTo(refusal(DAVE, "Project Y").getMessage().replace("Project Y", "Project X"));
    }

    @Test
    void administratorsAndTheUncheckedLookupStillFindIt() {
        String byAdministrator = db.inTransaction(em -> lookup(em).find(Actor.administrator("admin"), secretUri).name());
        String unchecked = db.inTransaction(em -> lookup(em).find(secretUri).name());

        assertThat(byAdministrator).isEqualTo("Project X");
        assertThat(unchecked).isEqualTo("Project X");
    }

    private Room find(PrincipalId who, String reference) {
        return db.inTransaction(em -> lookup(em).find(Actor.user(who, staff(who)), reference));
    }

    private DomainException refusal(PrincipalId who, String reference) {
        return catchThrowableOfType(() -> find(who, reference), DomainException.class);
    }

    private static RoomLookup lookup(jakarta.persistence.EntityManager em) {
        return new RoomLookup(new JpaRoomRepository(em), new ChatServerSettings());
    }

    private static Affiliations staff(PrincipalId who) {
        return new Affiliations(java.util.Set.of(who, STAFF));
    }
}
