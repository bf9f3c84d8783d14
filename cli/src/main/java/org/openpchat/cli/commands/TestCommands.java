package org.openpchat.cli.commands;

import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.openpchat.cli.CliException;
import org.openpchat.cli.ExitCodes;
import org.openpchat.cli.http.ApiResponse;
import org.openpchat.cli.http.Json;
import org.openpchat.cli.output.Table;
import org.openpchat.cli.output.Texts;
import org.openpchat.cli.settings.PasswordFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Synthetic transactions. */
@Command(name = "test", description = "Synthetic transactions.", subcommands = {TestCommands.Message.class})
public final class TestCommands {

    private TestCommands() {
    }

    @Command(name = "message", description = {"Two users sign in over SIP, join a room, one posts, the other"
        + " receives, both sign out; each step is reported (exit 9 when one fails).",
        "Passwords: from --sender-password-file / --receiver-password-file (mode 0600) or asked on the terminal.",
        "Test-CsPersistentChatMessage; POST /health/message-test"})
    static final class Message extends ApiCommand {
        @Option(names = "--sender", required = true, paramLabel = "SIP-ADDRESS")
        String sender;

        @Option(names = "--sender-password-file", paramLabel = "FILE")
        Path senderPasswordFile;

        @Option(names = "--receiver", required = true, paramLabel = "SIP-ADDRESS")
        String receiver;

        @Option(names = "--receiver-password-file", paramLabel = "FILE")
        Path receiverPasswordFile;

        @Option(names = "--room", required = true, paramLabel = "ROOM")
        String room;

        @Option(names = "--registrar-host", paramLabel = "HOST", description = "The SIP registrar the users sign in"
                + " to (the server's default when not given).")
        String registrarHost;

        @Option(names = "--registrar-port", paramLabel = "PORT")
        Integer registrarPort;

        @Override
        protected void execute() {
            Body body = new Body().put("sender", sender).put("senderPassword", password(senderPasswordFile, sender))
                    .put("receiver", receiver).put("receiverPassword", password(receiverPasswordFile, receiver))
                    .put("room", room).put("registrarHost", registrarHost).put("registrarPort", registrarPort);
            ApiResponse response = api().post("/health/message-test", body.build());
            JsonObject result = response.object();
            if (output().json()) {
                output().raw(response);
            } else {
                Table.print(output().stream(), List.of(column("STEP", "name"),
                        column("OK", "success"), column("MS", "durationMs"), column("DETAIL", "detail")),
                        Json.array(result, "steps").getValuesAs(JsonObject.class));
            }
            if (!result.getBoolean("success", false)) {
                String step = Json.string(result, "failedStep");
                throw new CliException(ExitCodes.FAILED, "the message test failed"
                        + (step == null ? "" : " at step " + Texts.clean(step)));
            }
            if (!output().json()) {
                output().stream().println("the message test passed");
            }
        }

        private String password(Path file, String user) {
            if (file != null) {
                return new String(PasswordFile.read(file));
            }
            char[] typed = environment().readSecret("Password of " + user + ": ");
            if (typed == null) {
                throw new CliException(ExitCodes.USAGE, "no terminal to ask for the password of " + user
                        + ": give it with a password file");
            }
            return new String(typed);
        }
    }
}
