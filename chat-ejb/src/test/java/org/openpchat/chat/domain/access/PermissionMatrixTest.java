package org.openpchat.chat.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openpchat.chat.domain.access.PermissionMatrix.Block;

/** The matrix file's reader accepts exactly Y and N and one row per role and block. */
class PermissionMatrixTest {

    private final PermissionMatrix matrix = new PermissionMatrix(List.of("reader", "writer"), List.of("READ", "WRITE"));

    @Test
    void readsEveryCellOfEveryBlock() {
        List<Block> blocks = matrix.parse(List.of(
                "# comment", "== OPEN NORMAL", "reader Y N", "writer  Y  Y", "", "==  CLOSED   NORMAL", "writer N Y", "reader N N"));

        assertThat(blocks).extracting(Block::setting).containsExactly("OPEN NORMAL", "CLOSED NORMAL");
        assertThat(blocks.get(0).cells()).isEqualTo(Map.of(
                "reader", Map.of("READ", true, "WRITE", false), "writer", Map.of("READ", true, "WRITE", true)));
        assertThat(blocks.get(1).cells()).isEqualTo(Map.of(
                "reader", Map.of("READ", false, "WRITE", false), "writer", Map.of("READ", false, "WRITE", true)));
    }

    @Test
    void aCellOtherThanYOrNIsAnError() {
        for (String cell : List.of("y", "n", "-", "?", "YES", "0")) {
            assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y " + cell, "writer Y Y")))
                    .as(cell).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 2").hasMessageContaining("'" + cell + "'");
        }
    }

    @Test
    void aDuplicatedRowIsAnError() {
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y N", "writer Y Y", "reader Y N")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4").hasMessageContaining("'reader' appears twice");
    }

    @Test
    void aMissingRowIsAnError() {
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y N", "== CLOSED NORMAL", "reader Y N", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'OPEN NORMAL' lacks the rows of [writer]");
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y N", "writer Y Y", "== CLOSED NORMAL", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'CLOSED NORMAL' lacks the rows of [reader]");
    }

    @Test
    void aDuplicatedBlockIsAnError() {
        assertThatThrownBy(() -> matrix.parse(List.of(
                "== OPEN NORMAL", "reader Y N", "writer Y Y", "== OPEN  NORMAL", "reader Y N", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4").hasMessageContaining("'OPEN NORMAL' appears twice");
    }

    @Test
    void anUnknownRoleAWrongNumberOfCellsOrARowOutsideABlockIsAnError() {
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y N", "writer Y Y", "admin Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown role 'admin'");
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y N Y", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 cells, not 2");
        assertThatThrownBy(() -> matrix.parse(List.of("== OPEN NORMAL", "reader Y", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 cells, not 2");
        assertThatThrownBy(() -> matrix.parse(List.of("reader Y N", "== OPEN NORMAL", "reader Y N", "writer Y Y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the first '==' block");
        assertThatThrownBy(() -> matrix.parse(List.of("# nothing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no block");
    }

    @Test
    void aSettingWithAnUnknownPrivacyTypeOrFlagIsRefusedByTheFixture() {
        for (String setting : List.of("PUBLIC NORMAL", "OPEN LECTURE", "OPEN", "OPEN NORMAL HIDDEN", "OPEN NORMAL EMPTY EMPTY")) {
            assertThatThrownBy(() -> new RoomAccessMatrixTest.Fixture(setting)).as(setting)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
