package org.openpchat.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {

    @TempDir
    Path dir;

    @Test
    void signsInWithBasicCredentialsWithoutTheSipSchemeAndTheFilesFirstLine() throws Exception {
        AdminApi api = new AdminApi();
        api.user = "sip:admin@example.com";
        api.passwordFile = Files.writeString(dir.resolve("password"), "s3cret:x\nignored\n");

        String decoded = new String(Base64.getDecoder().decode(api.authorization().substring("Basic ".length())),
                StandardCharsets.UTF_8);
        assertThat(api.authorization()).startsWith("Basic ");
        assertThat(decoded).isEqualTo("admin@example.com:s3cret:x");
    }

    @Test
    void theBaseEndsWithASlashSoPathsResolveBelowIt() {
        AdminApi api = new AdminApi();
        api.url = "https://chat.example.com:8181/pchat/api/v1";

        assertThat(api.base().resolve("messages?text=x").toString())
                .isEqualTo("https://chat.example.com:8181/pchat/api/v1/messages?text=x");
    }

    @Test
    void searchesEncodeTheTextAndTheRoom() {
        SearchCommand search = new SearchCommand();
        search.api = new AdminApi();
        search.api.url = "https://localhost:8181/pchat/api/v1/";
        search.limit = 25;
        search.room = "load room 1";
        search.texts = List.of("build red");

        assertThat(search.query("build red&more").toString()).isEqualTo(
                "https://localhost:8181/pchat/api/v1/messages?text=build+red%26more&limit=25&room=load+room+1");
    }
}
