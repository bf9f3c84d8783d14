package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.TestEnvironment;

class TestCommandsTest extends ApiTest {

    static final String PASSED = """
            {"success":true,"failedStep":null,"steps":[{"name":"sign-in","success":true,"durationMs":40,"detail":""},\
            {"name":"receive","success":true,"durationMs":12,"detail":"got it"}]}""";

    @Test
    void messageTestSendsBothUsersWithPasswordsFromFiles() {
        api.on("POST", "/health/message-test", json(200, PASSED));
        Path alice = file("alice.pw", "Passw0rd!\n", "rw-------");
        Path bob = file("bob.pw", "Passw0rd?\n", "rw-------");

        Result result = run("test", "message", "--sender", "sip:alice@example.com", "--sender-password-file",
                alice.toString(), "--receiver", "sip:bob@example.com", "--receiver-password-file", bob.toString(),
                "--room", "Lobby", "--registrar-host", "127.0.0.1", "--registrar-port", "5060");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"sender":"sip:alice@example.com","senderPassword":"Passw0rd!","receiver":"sip:bob@example.com",
                 "receiverPassword":"Passw0rd?","room":"Lobby","registrarHost":"127.0.0.1","registrarPort":5060}"""));
        assertThat(result.outLines()).containsExactly("STEP     OK    MS  DETAIL", "sign-in  true  40",
                "receive  true  12  got it", "the message test passed");
    }

    @Test
    void aFailedStepEndsWithTheFailedCode() {
        api.on("POST", "/health/message-test", json(200, """
                {"success":false,"failedStep":"join","steps":[{"name":"sign-in","success":true,"durationMs":40},\
                {"name":"join","success":false,"durationMs":5000,"detail":"403 from the room"}]}"""));
        TestEnvironment environment = environment().terminal("a", "b");

        Result result = Cli.run(environment, "test", "message", "--sender", "sip:alice@example.com", "--receiver",
                "sip:bob@example.com", "--room", "Lobby");

        assertThat(result.exitCode()).isEqualTo(9);
        assertThat(environment.prompts()).containsExactly("Password of sip:alice@example.com: ",
                "Password of sip:bob@example.com: ");
        assertThat(result.out()).contains("join     false  5000  403 from the room");
        assertThat(result.err()).isEqualTo("pchat: the message test failed at step join" + System.lineSeparator());
    }

    @Test
    void withoutPasswordFilesOrATerminalNothingIsSent() {
        Result result = run("test", "message", "--sender", "sip:alice@example.com", "--receiver",
                "sip:bob@example.com", "--room", "Lobby");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no terminal to ask for the password of sip:alice@example.com");
        assertThat(api.requests()).isEmpty();
    }
}
