package org.openpchat.chat.sip.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.MovableClock;

class UserRequestRatesTest {

    /** Two requests a second, three at once: full again two seconds after the last request. */
    private final MovableClock clock = new MovableClock();
    private final UserRequestRates rates = new UserRequestRates(new UserLimits(10, 2, 3), clock);

    @Test
    void beyondTheBurstARequestIsAnswered503WithRetryAfterAndNotAdmitted() {
        for (int i = 0; i < 3; i++) {
            AnsweredRequest info = new AnsweredRequest("s-alice");
            assertThat(rates.admit(info.request(), "alice@example.com")).isTrue();
            assertThat(info.answers).as("an admitted request is the servlet's to answer").isEmpty();
        }

        AnsweredRequest fourth = new AnsweredRequest("s-alice");
        assertThat(rates.admit(fourth.request(), "alice@example.com")).isFalse();

        assertThat(fourth.answers).hasSize(1);
        AnsweredRequest.Answer refusal = fourth.answers.get(0);
        assertThat(refusal.status).isEqualTo(503);
        assertThat(refusal.reason).isEqualTo("Too many requests from this user (above 2 per second)");
        assertThat(refusal.headers).containsEntry("Retry-After", "1");
        assertThat(refusal.sent).isTrue();
    }

    @Test
    void eachUserHasABucketWhateverTheCaseOfTheName() {
        assertThat(rates.take("alice@example.com")).isTrue();
        assertThat(rates.take("Alice@Example.com")).isTrue();
        assertThat(rates.take("ALICE@EXAMPLE.COM")).isTrue();
        assertThat(rates.take("alice@example.com")).isFalse();

        assertThat(rates.take("bob@example.com")).as("alice's requests cost bob nothing").isTrue();
    }

    @Test
    void tokensComeBackAtTheRate() {
        drain("alice@example.com");

        clock.advance(Duration.ofMillis(499));
        assertThat(rates.take("alice@example.com")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(rates.take("alice@example.com")).isTrue();
        assertThat(rates.take("alice@example.com")).isFalse();
    }

    @Test
    void bucketsOfUsersSilentLongEnoughToBeFullAreDropped() {
        drain("alice@example.com");
        drain("bob@example.com");
        assertThat(rates.trackedUsers()).isEqualTo(2);

        clock.advance(Duration.ofMillis(1900));
        rates.take("bob@example.com");
        clock.advance(Duration.ofMillis(100));
        rates.take("carol@example.com");
        assertThat(rates.trackedUsers()).as("alice, full again two seconds after her last request, is dropped")
                .isEqualTo(2);

        clock.advance(Duration.ofMillis(1999));
        rates.take("carol@example.com");
        assertThat(rates.trackedUsers()).as("no sweep again before the filling time passed").isEqualTo(2);

        clock.advance(Duration.ofMillis(1));
        rates.take("carol@example.com");
        assertThat(rates.trackedUsers()).as("bob is full again; carol just spent a token").isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        drain("alice@example.com");
        assertThat(rates.take("alice@example.com")).as("a dropped bucket comes back full, no fuller").isFalse();
    }

    private void drain(String user) {
        int taken = 0;
        while (rates.take(user)) {
            taken++;
        }
        assertThat(taken).isEqualTo(3);
    }
}
