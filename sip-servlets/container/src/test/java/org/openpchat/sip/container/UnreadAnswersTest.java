package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnreadAnswersTest {

    @Test
    void branchesAreRfc3261OnesAndNeverTheSame() {
        Set<String> branches = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String branch = UnreadAnswers.newBranch();
            assertThat(branch).startsWith("z9hG4bK").matches("[A-Za-z0-9.!%*_+`'~-]+");
            branches.add(branch);
        }
        assertThat(branches).hasSize(10_000);
    }

    @Test
    void onlyAResponseWithSuchABranchInItsViaIsAnAnswer() {
        String branch = UnreadAnswers.newBranch();
        String answer = "SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=" + branch + "\r\nCSeq: 7 INFO\r\n\r\n";

        assertThat(UnreadAnswers.isAnswer(answer)).isTrue();
        assertThat(UnreadAnswers.isAnswer(answer.replace(branch, "z9hG4bK-other"))).isFalse();
        assertThat(UnreadAnswers.isAnswer("INFO sip:pchat@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 10.0.0.1;branch="
                + branch + "\r\n\r\n")).as("a request").isFalse();
    }
}
