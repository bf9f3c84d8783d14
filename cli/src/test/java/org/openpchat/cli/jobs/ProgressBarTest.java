package org.openpchat.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.http.Json;

class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aKnownTotalIsABarAndAPercentage() {
        ProgressBar bar = new ProgressBar(err, true, "export");

        assertThat(bar.line(Json.object("{\"state\":\"running\",\"phase\":\"messages\",\"done\":333,\"total\":1000}")))
                .isEqualTo("export  [######--------------]  33%  messages 333/1000");
        assertThat(bar.line(Json.object("{\"state\":\"running\",\"done\":1000,\"total\":1000}")))
                .isEqualTo("export  [####################] 100% 1000/1000");
    }

    @Test
    void withoutATotalTheCountAlone() {
        ProgressBar bar = new ProgressBar(err, true, "import");

        assertThat(bar.line(Json.object("{\"state\":\"running\",\"phase\":\"rooms\",\"done\":12,\"total\":0}")))
                .isEqualTo("import  running  rooms 12");
        assertThat(bar.line(Json.object("{\"state\":\"queued\"}"))).isEqualTo("import  queued");
    }

    @Test
    void onATerminalTheLineIsRedrawnAndClearedThenEnded() {
        ProgressBar bar = new ProgressBar(err, true, "export");

        bar.update(Json.object("{\"state\":\"running\",\"phase\":\"configuration\",\"done\":1,\"total\":2}"));
        bar.finish(Json.object("{\"state\":\"succeeded\"}"));

        String first = "export  [##########----------]  50%  configuration 1/2";
        String last = "export  succeeded";
        assertThat(printed()).isEqualTo("\r" + first + "\r" + last + " ".repeat(first.length() - last.length())
                + System.lineSeparator());
    }

    @Test
    void inALogOnlyChangesOfStateOrPhaseArePrinted() {
        ProgressBar bar = new ProgressBar(err, false, "export");

        bar.update(Json.object("{\"state\":\"running\",\"phase\":\"rooms\",\"done\":1,\"total\":4}"));
        bar.update(Json.object("{\"state\":\"running\",\"phase\":\"rooms\",\"done\":2,\"total\":4}"));
        bar.update(Json.object("{\"state\":\"running\",\"phase\":\"messages\",\"done\":3,\"total\":4}"));
        bar.finish(Json.object("{\"state\":\"succeeded\"}"));

        assertThat(printed().lines()).containsExactly("export  [#####---------------]  25%  rooms 1/4",
                "export  [###############-----]  75%  messages 3/4", "export  succeeded");
    }
}
