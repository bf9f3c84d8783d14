package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Request;
import org.openpchat.cli.testing.TestEnvironment;

class UserCommandsTest extends ApiTest {

    static final String FRANK = """
            {"uri":"sip:frank@example.com","displayName":"Frank","groups":["group:staff"],"organizationalUnit":null,\
            "site":null,"policy":null}""";

    @Test
    void newTakesThePasswordFromAPrivateFile() {
        api.on("POST", "/users", json(201, FRANK));
        Path password = file("frank.pw", "s3cret!\n", "rw-------");

        Result result = run("user", "new", "--uri", "sip:frank@example.com", "--display-name", "Frank",
                "--new-password-file", password.toString(), "--group", "staff", "--organizational-unit",
                "OU=Traders,DC=example,DC=com", "--site", "Redmond");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"uri":"sip:frank@example.com","displayName":"Frank","password":"s3cret!","groups":["staff"],
                 "organizationalUnit":"OU=Traders,DC=example,DC=com","site":"Redmond"}"""));
        assertThat(result.out()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() {
        Path password = file("frank.pw", "s3cret!\n", "rw-r--r--");

        Result result = run("user", "new", "--uri", "sip:frank@example.com", "--new-password-file", password.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("refusing " + password).contains("mode 0644").contains("chmod 600");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void newPasswordIsTypedTwiceOnTheTerminal() {
        api.on("POST", "/users", json(201, FRANK));
        TestEnvironment environment = environment().terminal("s3cret!", "s3cret!");

        Result result = Cli.run(environment, "user", "new", "--uri", "sip:frank@example.com", "--new-password");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(environment.prompts()).containsExactly("New password for sip:frank@example.com: ", "Again: ");
        assertThat(object(api.single().bodyText()).getString("password")).isEqualTo("s3cret!");
    }

    @Test
    void twoDifferentPasswordsSendNothing() {
        Result result = Cli.run(environment().terminal("s3cret!", "secret!"), "user", "new", "--uri",
                "sip:frank@example.com", "--new-password");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("the two passwords differ");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aPasswordFileAndAPromptExcludeEachOther() {
        Path password = file("frank.pw", "s3cret!\n", "rw-------");

        Result result = run("user", "new", "--uri", "sip:frank@example.com", "--new-password", "--new-password-file",
                password.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void setChangesGroupsWithModifiersAndThePassword() {
        api.on("PATCH", "/users/sip:frank@example.com", json(200, FRANK));
        Path password = file("frank.pw", "n3w!", "r--------");

        Result result = run("user", "set", "sip:frank@example.com", "--add-group", "analysts", "--remove-group",
                "staff", "--display-name", "Frank F.", "--new-password-file", password.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"displayName":"Frank F.","password":"n3w!","groups":{"add":["analysts"],"remove":["staff"]}}"""));
    }

    @Test
    void setWithNothingIsAUsageError() {
        assertThat(run("user", "set", "sip:frank@example.com").exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void getFiltersAndPages() {
        api.on("GET", "/users", json(200, "[" + FRANK + "]"));

        Result result = run("user", "get", "--filter", "sip:f*", "--limit", "10");

        assertThat(api.single().query()).isEqualTo("filter=sip%3Af%2A&limit=10");
        assertThat(result.outLines()).containsExactly("URI                    DISPLAY NAME  GROUPS       POLICY  SITE  OU",
                "sip:frank@example.com  Frank         group:staff");
    }

    @Test
    void removeDeletesTheUser() {
        api.on("DELETE", "/users/sip:frank@example.com", empty(204));

        assertThat(run("user", "remove", "sip:frank@example.com").exitCode()).isZero();
        assertThat(api.single().method()).isEqualTo("DELETE");
    }

    @Test
    void importUploadsTheCsvFollowsTheJobAndSummarises() {
        Path csv = file("users.csv", "uri,displayName,groups\nsip:g@example.com,G,staff;new\n", "rw-r--r--");
        api.on("POST", "/users:import", empty(202).withHeader("Location", api.url() + "/pchat/api/v1/jobs/9"));
        api.on("GET", "/jobs/9",
                json(200, "{\"id\":\"9\",\"kind\":\"user-import\",\"state\":\"running\",\"phase\":\"directory\",\"done\":1,\"total\":2}"),
                json(200, "{\"id\":\"9\",\"kind\":\"user-import\",\"state\":\"running\",\"phase\":\"web-credentials\",\"done\":2,\"total\":2}"),
                json(200, "{\"id\":\"9\",\"kind\":\"user-import\",\"state\":\"succeeded\",\"errors\":[],"
                        + "\"result\":{\"created\":1,\"updated\":0,\"groupsCreated\":1,\"failed\":[]}}"));

        Result result = run("user", "import", csv.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request upload = api.requests().get(0);
        assertThat(upload.method()).isEqualTo("POST");
        assertThat(upload.header("Content-Type")).startsWith("text/csv");
        assertThat(upload.header("Authorization")).isEqualTo(ADMIN_AUTHORIZATION);
        assertThat(upload.bodyText()).isEqualTo("uri,displayName,groups\nsip:g@example.com,G,staff;new\n");
        assertThat(api.requests()).hasSize(4);
        assertThat(result.out()).isEqualTo("created 1, updated 0, groups created 1, failed 0" + System.lineSeparator());
        assertThat(result.err()).contains("user import  [##########----------]  50%  directory 1/2",
                "user import  [####################] 100%  web-credentials 2/2", "user import  succeeded");
    }

    @Test
    void importWithRefusedLinesEndsWithTheFailedCode() {
        Path csv = file("users.csv", "uri\nbogus\n", "rw-r--r--");
        api.on("POST", "/users:import", empty(202).withHeader("Location", "/pchat/api/v1/jobs/10"));
        api.on("GET", "/jobs/10", json(200, "{\"id\":\"10\",\"state\":\"succeeded\",\"result\":{\"created\":0,"
                + "\"updated\":0,\"groupsCreated\":0,\"failed\":[{\"line\":2,\"error\":\"not a SIP address: bogus\"}]}}"));

        Result result = run("user", "import", csv.toString());

        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(result.out()).contains("failed 1");
        assertThat(result.err()).contains("pchat: user import job 10 finished with 1 failed line(s)",
                "  line 2: not a SIP address: bogus");
    }

    @Test
    void importOfAMissingFileSendsNothing() {
        Result result = run("user", "import", home.resolve("none.csv").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(api.requests()).isEmpty();
    }
}
