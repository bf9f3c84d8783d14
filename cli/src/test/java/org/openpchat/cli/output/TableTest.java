package org.openpchat.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.output.Table.column;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.CliException;
import org.openpchat.cli.http.Json;

class TableTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void columnsAreAlignedOnTheWidestCellCountingCharactersNotBytes() {
        Table.print(out, List.of(column("NAME", "name"), column("N", "n"), column("LAST", "last")), List.of(
                Json.object("{\"name\":\"Zürich\",\"n\":1,\"last\":\"x\"}"),
                Json.object("{\"name\":\"Bond Desk 2\",\"n\":22,\"last\":null}")));

        assertThat(lines()).containsExactly(
                "NAME         N   LAST",
                "Zürich       1   x",
                "Bond Desk 2  22");
    }

    @Test
    void listsAreJoinedAndObjectsShownAsJson() {
        Table.printItem(out, Json.object("{\"members\":[\"a\",\"b\"],\"result\":{\"x\":1},\"none\":[]}"));

        assertThat(lines()).containsExactly("members  a, b", "result   {\"x\":1}", "none");
    }

    @Test
    void controlCharactersCannotReachTheTerminal() {
        assertThat(Texts.clean("a\tb\nc\u001b[2Jd\u009be\u007f")).isEqualTo("a b c [2Jd e ");
    }

    @Test
    void rowsComeFromABareArrayOrAnItemsField() {
        assertThat(Output.rows(Json.parse("[{\"a\":1}]"), "items")).hasSize(1);
        assertThat(Output.rows(Json.parse("{\"items\":[{\"a\":1},{\"a\":2}]}"), "items")).hasSize(2);
        assertThat(Output.rows(Json.parse("{\"messages\":[]}"), "messages")).isEmpty();
    }

    @Test
    void anObjectWithoutTheListIsNotUnderstood() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Output.rows(Json.parse("{\"name\":\"x\"}"), "items"))
                .isInstanceOf(CliException.class).hasMessage("the server's answer holds no list 'items'");
    }

    @Test
    void missingFieldsAreEmptyCells() {
        JsonObject row = Json.object("{}");
        Table.print(out, List.of(column("A", "a"), column("B", "b")), List.of(row));

        assertThat(lines()).containsExactly("A  B", "");
    }
}
