package org.openpchat.chat.application.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.Actor;
import org.openpchat.chat.domain.preference.UserPreference;
import org.openpchat.chat.domain.principal.Affiliations;
import org.openpchat.chat.domain.principal.PrincipalId;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.infrastructure.persistence.JpaPreferenceRepository;
import org.openpchat.chat.infrastructure.persistence.JpaTestDatabase;

/**
 * cmd:getpref and cmd:setpref as the use case stores them, each call in its own transaction over
 * the JPA repository on H2: a value is created only on request, every write raises its sequence,
 * and each user has their own.
 */
class PreferenceServiceTest {

    private static final String LABEL = "kedzie.GroupChannels";
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final Actor ALICE = Actor.user(PrincipalId.user("alice@example.com"), Affiliations.none());
    private static final Actor BOB = Actor.user(PrincipalId.user("bob@example.com"), Affiliations.none());

    private final JpaTestDatabase database = new JpaTestDatabase();

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aMissingValueIsCreatedEmptyOnlyWhenAskedTo() {
        assertThat(read(ALICE, false)).isEmpty();
        assertThat(read(ALICE, false)).as("reading stored nothing").isEmpty();

        UserPreference created = read(ALICE, true).orElseThrow();
        assertThat(created.sequence()).isZero();
        assertThat(created.content()).isEmpty();
        Optional<UserPreference> again = read(ALICE, false);
        assertThat(again).map(UserPreference::sequence).contains(0L);
    }

    @Test
    void everyWriteRaisesTheSequenceAndTheLastOneWins() {
        assertThat(write(ALICE, "YWJj").sequence()).isEqualTo(1);
        assertThat(write(ALICE, "ZGVm").sequence()).isEqualTo(2);
        read(ALICE, true);

        UserPreference stored = read(ALICE, false).orElseThrow();
        assertThat(stored.sequence()).isEqualTo(2);
        assertThat(stored.content()).isEqualTo("ZGVm");
        assertThat(stored.updatedAt()).isEqualTo(T0);
    }

    @Test
    void eachUserHasTheirOwnValues() {
        write(ALICE, "YWJj");

        assertThat(read(BOB, false)).isEmpty();
        assertThat(write(BOB, "Ym9i").sequence()).isEqualTo(1);
        assertThat(read(ALICE, false)).map(UserPreference::content).contains("YWJj");
    }

    @Test
    void aUserKeepsABoundedNumberOfLabelsButMayStillRewriteThem() {
        for (int i = 0; i < PreferenceService.MAX_LABELS_PER_USER; i++) {
            String label = "label" + i;
            call(service -> service.write(ALICE, label, "x"));
        }

        assertThatThrownBy(() -> call(service -> service.write(ALICE, "one.too.many", "x")))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.reason()).isEqualTo(DomainException.Reason.CONFLICT))
                .hasMessageContaining(PreferenceService.MAX_LABELS_PER_USER + " preference labels");
        assertThatThrownBy(() -> call(service -> service.read(ALICE, "one.too.many", true)))
                .isInstanceOf(DomainException.class);
        Optional<UserPreference> notCreated = call(service -> service.read(ALICE, "one.too.many", false));
        assertThat(notCreated).isEmpty();
        assertThat(call(service -> service.write(ALICE, "label0", "y")).sequence()).isEqualTo(2);
        assertThat(write(BOB, "Ym9i").sequence()).as("the cap is per user").isEqualTo(1);
    }

    private Optional<UserPreference> read(Actor actor, boolean createDefault) {
        return call(service -> service.read(actor, LABEL, createDefault));
    }

    private UserPreference write(Actor actor, String content) {
        return call(service -> service.write(actor, LABEL, content));
    }

    private <T> T call(Function<PreferenceService, T> work) {
        return database.inTransaction(em -> work.apply(new PreferenceService(new JpaPreferenceRepository(em),
                Clock.fixed(T0, ZoneOffset.UTC))));
    }
}
