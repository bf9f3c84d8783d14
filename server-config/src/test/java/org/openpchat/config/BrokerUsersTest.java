package org.openpchat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerUsersTest {

    @Test
    void hashesAsOpenMqDoes() {
        // the entries OpenMQ ships in its passwd for admin/admin and guest/guest
        assertThat(BrokerUsers.hash("admin", "admin")).isEqualTo("-2d5455c8583c24eec82c7a1e273ea02e");
        assertThat(BrokerUsers.hash("guest", "guest")).isEqualTo("-2c3c4a34aa2c392f39edd112333c230d");
    }

    @Test
    void writesOnlyTheGivenUsersOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("passwd");
        Files.writeString(file, "guest:-2c3c4a34aa2c392f39edd112333c230d:anonymous:1\n");
        Map<String, String[]> users = new LinkedHashMap<>();
        users.put("admin", new String[] {"admin", "s3cret"});
        users.put("pchat", new String[] {"user", "other"});

        BrokerUsers.write(file, users);

        assertThat(Files.readAllLines(file)).containsExactly(
                "admin:" + BrokerUsers.hash("admin", "s3cret") + ":admin:1",
                "pchat:" + BrokerUsers.hash("pchat", "other") + ":user:1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesNamesAndGroupsTheFormatCannotHold() {
        assertThatThrownBy(() -> BrokerUsers.line("a:b", "user", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrokerUsers.line("a", "root", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
