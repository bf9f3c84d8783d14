package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.category.Category;
import org.openpchat.chat.domain.principal.InMemoryPrincipals;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.room.Room;
import org.openpchat.chat.domain.room.RoomType;
import org.openpchat.chat.domain.shared.AccessList;
import org.openpchat.chat.domain.shared.DomainException;

class RoomAccessRequireTest {

    private final InMemoryPrincipals directory = new InMemoryPrincipals();
    private final PrincipalId member = directory.user("member@example.com").principalId();
    /** Admitted by the category, not a member of the room: knows the room, may not use it. */
    private final PrincipalId bystander = directory.user("bystander@example.com").principalId();
    /** Not admitted by the category: may not even know the room. */
    private final PrincipalId outsider = directory.user("outsider@example.com").principalId();
    private final Category category = new Category("Trading", null);
    private final Room room;

    RoomAccessRequireTest() {
        category.modifyAllowedMembers(AccessList.adding(member, bystander));
        room = new Room("Desk", category, Instant.EPOCH);
        room.modifyMembers(AccessList.adding(member), directory::affiliationsOf);
    }

    private Actor actor(PrincipalId id) {
        return Actor.user(id, directory.affiliationsOf(id));
    }

    private AbstractThrowableAssert<?, ?> refusal(PrincipalId who, Operation operation) {
        return refusal(who, operation, DomainException.Reason.FORBIDDEN);
    }

    private AbstractThrowableAssert<?, ?> refusal(PrincipalId who, Operation operation, DomainException.Reason reason) {
        return assertThatThrownBy(() -> RoomAccess.require(actor(who), operation, room))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void permittedOperationPassesSilently() {
        assertThatCode(() -> RoomAccess.require(actor(member), Operation.POST, room)).doesNotThrowAnyException();
    }

    @Test
    void disabledRoomIsNamedAsTheReason() {
        room.disable();

        refusal(member, Operation.JOIN, DomainException.Reason.DISABLED).hasMessage("room 'Desk' is disabled");
        refusal(member, Operation.POST, DomainException.Reason.DISABLED).hasMessage("room 'Desk' is disabled");
        refusal(member, Operation.READ_HISTORY, DomainException.Reason.DISABLED).hasMessage("room 'Desk' is disabled");
    }

    @Test
    void disabledBeatsThePresenterAndHistoryReasons() {
        room.changeType(RoomType.AUDITORIUM);
        category.enableChatHistory(false);
        room.disable();

        refusal(member, Operation.POST, DomainException.Reason.DISABLED).hasMessage("room 'Desk' is disabled");
        refusal(member, Operation.READ_HISTORY, DomainException.Reason.DISABLED).hasMessage("room 'Desk' is disabled");
    }

    @Test
    void onADisabledRoomTheOtherOperationsGetThePlainRefusal() {
        room.disable();

        refusal(member, Operation.FIND).hasMessage("sip:member@example.com may not find room 'Desk'");
        refusal(member, Operation.MANAGE).hasMessage("sip:member@example.com may not manage room 'Desk'");
        refusal(member, Operation.DISABLE).hasMessage("sip:member@example.com may not disable room 'Desk'");
        refusal(member, Operation.DELETE).hasMessage("sip:member@example.com may not delete room 'Desk'");
    }

    @Test
    void auditoriumPostByNonPresenterMemberMentionsPresenters() {
        room.changeType(RoomType.AUDITORIUM);

        refusal(member, Operation.POST).hasMessage("only presenters may post in auditorium 'Desk'");
        refusal(member, Operation.MANAGE).hasMessage("sip:member@example.com may not manage room 'Desk'");
    }

    @Test
    void historyOffInAnAuditoriumIsNamedAsTheReasonForReading() {
        room.changeType(RoomType.AUDITORIUM);
        category.enableChatHistory(false);

        refusal(member, Operation.READ_HISTORY).hasMessage("category 'Trading' keeps no chat history");
    }

    @Test
    void historyOffIsNamedAsTheReason() {
        category.enableChatHistory(false);

        refusal(member, Operation.READ_HISTORY).hasMessage("category 'Trading' keeps no chat history");
        refusal(member, Operation.MANAGE).hasMessage("sip:member@example.com may not manage room 'Desk'");
        refusal(bystander, Operation.READ_HISTORY)
                .hasMessage("sip:bystander@example.com may not read the history of room 'Desk'");
    }

    @Test
    void plainRefusalNamesTheActorAndTheOperation() {
        refusal(bystander, Operation.JOIN)
                .hasMessageContaining("bystander@example.com")
                .hasMessageContaining("join")
                .hasMessageNotContaining("disabled");
        refusal(member, Operation.MANAGE).hasMessageContaining("manage");
    }

    @Test
    void outsiderInAuditoriumWithoutHistoryGetsThePlainRefusal() {
        room.changeType(RoomType.AUDITORIUM);
        category.enableChatHistory(false);

        refusal(bystander, Operation.POST).hasMessageNotContaining("presenters");
        refusal(bystander, Operation.READ_HISTORY).hasMessageContaining("may not")
                .hasMessageNotContaining("keeps no chat history");
    }

    @Test
    void aRoomTheActorMayNotKnowIsRefusedAsIfItDidNotExist() {
        room.changeType(RoomType.AUDITORIUM);
        category.enableChatHistory(false);
        room.disable();

        for (Operation operation : Operation.values()) {
            refusal(outsider, operation, DomainException.Reason.NOT_FOUND).hasMessage(RoomAccess.NO_SUCH_ROOM)
                    .hasMessageNotContaining("Desk").hasMessageNotContaining("Trading");
        }
    }
}
