package org.openpchat.chat.application.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.application.InMemoryChatServer;
import org.openpchat.chat.application.job.Job;
import org.openpchat.chat.application.job.JobView;
import org.openpchat.chat.application.job.Jobs;
import org.openpchat.chat.domain.policy.ChatPolicy;
import org.openpchat.chat.domain.policy.Scope;
import org.openpchat.chat.domain.principal.Principal;
import org.openpchat.chat.domain.principal.PrincipalId;

/**
 * A user import: each line is checked in full before any of it is stored; users are created or
 * updated, groups joined and created when missing; SIP passwords at once, web ones afterwards.
 */
class UserImportStepsTest {

    private static final PrincipalId ALICE = PrincipalId.user("alice@example.com");
    private static final PrincipalId TRADERS = PrincipalId.group("traders");

    private final InMemoryChatServer server = new InMemoryChatServer();
    private final List<String> calls = new ArrayList<>();
    private final UserImportSteps steps = new UserImportSteps(server.principals, new CountingCredentials(),
            server.policyRepository);

    UserImportStepsTest() {
        server.policyRepository.add(new ChatPolicy(Scope.tag("traders"), true, null));
    }

    /** Notes which kind of password was set for whom. */
    private final class CountingCredentials extends org.openpchat.chat.domain.principal.InMemoryCredentials {
        @Override
        public void setSipPassword(PrincipalId user, String password) {
            calls.add("sip " + user);
            super.setSipPassword(user, password);
        }

        @Override
        public void setWebPassword(PrincipalId user, String password) {
            calls.add("web " + user);
            super.setWebPassword(user, password);
        }
    }

    private static ImportedUser line(int line, String uri, String password, String... groups) {
        return new ImportedUser(line, uri, null, password, List.of(groups), null, null, null);
    }

    @Test
    void newUsersAreCreatedWithTheirGroupsAndSipPasswords() {
        UserImportSteps.Outcome outcome = steps.directory(List.of(
                new ImportedUser(1, "sip:alice@example.com", "Alice", "password1", List.of("traders", "group:desk"),
                        "OU=Desk,DC=example,DC=com", "Berlin", "tag:traders"),
                line(2, "bob@example.com", "", "traders", " ")));

        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.groupsCreated()).isEqualTo(2);
        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.stored()).containsExactlyInAnyOrder(1, 2);
        Principal alice = server.principals.find(ALICE).orElseThrow();
        assertThat(alice.displayName()).isEqualTo("Alice");
        assertThat(alice.organizationalUnit()).isEqualTo(PrincipalId.ou("ou=desk,dc=example,dc=com"));
        assertThat(alice.site()).isEqualTo("Berlin");
        assertThat(alice.policyTag()).isEqualTo("traders");
        assertThat(server.principals.find(TRADERS).orElseThrow().members()).containsExactlyInAnyOrder(ALICE,
                PrincipalId.user("bob@example.com"));
        assertThat(server.principals.find(PrincipalId.group("desk")).orElseThrow().members()).containsExactly(ALICE);
        assertThat(calls).containsExactly("sip sip:alice@example.com");
    }

    @Test
    void existingUsersKeepWhatALeavesEmpty() {
        Principal alice = server.principals.user("alice@example.com");
        alice.rename("Alice");
        alice.homeOn("Berlin");
        server.principals.group("traders");

        UserImportSteps.Outcome outcome = steps.directory(List.of(line(1, "alice@example.com", null, "traders")));

        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(outcome.created()).isZero();
        assertThat(outcome.groupsCreated()).isZero();
        assertThat(alice.displayName()).isEqualTo("Alice");
        assertThat(alice.site()).isEqualTo("Berlin");
        assertThat(server.principals.find(TRADERS).orElseThrow().members()).containsExactly(ALICE);

        steps.directory(List.of(new ImportedUser(2, "alice@example.com", "Alice A.", null, null, "OU=X", "Paris",
                "traders")));
        assertThat(alice.displayName()).isEqualTo("Alice A.");
        assertThat(alice.site()).isEqualTo("Paris");
        assertThat(alice.organizationalUnit()).isEqualTo(PrincipalId.ou("ou=x"));
        assertThat(alice.policyTag()).isEqualTo("traders");
    }

    @Test
    void aRefusedLineChangesNothingAndTheOthersGoOn() {
        UserImportSteps.Outcome outcome = steps.directory(List.of(
                line(1, " ", null),
                line(2, "alice@example.com", "short", "traders"),
                line(3, "alice@example.com", "x".repeat(257), "traders"),
                new ImportedUser(4, "alice@example.com", null, null, List.of("traders"), null, null, "tag:nobody"),
                new ImportedUser(5, "alice@example.com", "x".repeat(257), null, List.of("traders"), null, null, null),
                line(6, "bob@example.com", "12345678"),
                line(7, "carol@example.com", "x".repeat(256))));

        assertThat(outcome.failures()).extracting(UserImportSteps.Failure::line).containsExactly(1, 2, 3, 4, 5);
        assertThat(outcome.failures().get(0).error()).isEqualTo("the uri column is empty");
        assertThat(outcome.failures().get(1).error()).isEqualTo("a password has 8 to 256 characters");
        assertThat(outcome.failures().get(3).error()).isEqualTo("no such policy: tag:nobody");
        assertThat(outcome.stored()).containsExactlyInAnyOrder(6, 7);
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(server.principals.find(ALICE)).isEmpty();
        assertThat(server.principals.find(TRADERS)).isEmpty();
        assertThat(calls).containsExactly("sip sip:bob@example.com", "sip sip:carol@example.com");
    }

    @Test
    void aGroupNamedTwiceInABatchIsCreatedOnce() {
        UserImportSteps.Outcome outcome = steps.directory(List.of(line(1, "alice@example.com", null, "traders"),
                line(2, "bob@example.com", null, "traders"), line(3, "alice@example.com", null, "traders")));

        assertThat(outcome.groupsCreated()).isEqualTo(1);
        assertThat(outcome.created()).isEqualTo(2);
        assertThat(outcome.updated()).isEqualTo(1);
    }

    @Test
    void webPasswordsAreSetForTheGivenLines() {
        steps.webCredentials(List.of(line(1, "alice@example.com", "password1")));

        assertThat(calls).containsExactly("web sip:alice@example.com");
    }

    @Test
    void theImporterStoresTheDirectoryThenTheWebPasswordsOfTheStoredLines() {
        Jobs jobs = new Jobs();
        Job job = jobs.start(server.admin, "user-import");
        List<ImportedUser> lines = new ArrayList<>();
        for (int i = 1; i <= UserImporter.DIRECTORY_BATCH + 1; i++) {
            lines.add(line(i, "user" + i + "@example.com", i <= 2 ? "password" + i : null, "all"));
        }
        lines.add(line(UserImporter.DIRECTORY_BATCH + 2, "bad@example.com", "short"));

        new UserImporter(steps, jobs).run(job, server.admin, lines);

        JobView view = job.view();
        assertThat(view.succeeded()).isTrue();
        assertThat(view.finishedAt()).isNotNull();
        assertThat(view.result()).containsEntry("created", UserImporter.DIRECTORY_BATCH + 1)
                .containsEntry("updated", 0).containsEntry("groupsCreated", 1);
        assertThat(view.result().get("failed")).isEqualTo(List.of(java.util.Map.of("line",
                UserImporter.DIRECTORY_BATCH + 2, "error", "a password has 8 to 256 characters")));
        assertThat(view.errors()).containsExactly("line 502: a password has 8 to 256 characters");
        assertThat(view.phase()).isEqualTo("web-credentials");
        assertThat(view.done()).isEqualTo(2);
        assertThat(view.total()).isEqualTo(2);
        assertThat(calls).filteredOn(call -> call.startsWith("web")).containsExactly("web sip:user1@example.com",
                "web sip:user2@example.com");
        assertThat(server.principals.find(PrincipalId.group("all")).orElseThrow().members())
                .hasSize(UserImporter.DIRECTORY_BATCH + 1);
    }

    @Test
    void aFailingImportFailsItsJob() {
        Jobs jobs = new Jobs();
        Job job = jobs.start(server.admin, "user-import");
        UserImportSteps broken = new UserImportSteps(server.principals, null, server.policyRepository);

        new UserImporter(broken, jobs).run(job, server.admin, List.of(line(1, "alice@example.com", "password1")));

        assertThat(job.view().state()).isEqualTo("failed");
        assertThat(job.view().errors()).singleElement().asString().startsWith("the import failed: ");
    }
}
