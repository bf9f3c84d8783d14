package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.it.api.AdministrationApiIT.assertProblem;
import static org.openpchat.it.api.AdministrationApiIT.strings;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.PchatDeployment;

/**
 * The pool through /pchat/api/v1/pool (Get-CsPersistentChatState, Set-CsPersistentChatState,
 * Set-CsPersistentChatActiveServer) on the single test server, which is in no pool: its settings,
 * their ETag, the audit of each change, the refusals. Every test leaves the pool Normal with every
 * node active.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PoolApiIT {

    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @AfterEach
    void normalWithEveryNodeActive() {
        Api.Reply reset = admin.patch("pool", "{\"state\": \"Normal\", \"activeServers\": []}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    }

    @Test
    void theSingleServerIsInNoPoolAndNormal() {
        Api.Reply reply = admin.get("pool");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("ETag")).isNotBlank();
        JsonObject pool = reply.object();
        assertThat(pool.getString("state")).isEqualTo("Normal");
        assertThat(pool.getBoolean("pooled")).isFalse();
        assertThat(strings(pool, "activeServers")).isEmpty();
        assertThat(pool.getJsonArray("nodes")).isEmpty();
    }

    /** The pool's audit entries since the time, oldest first. */
    private List<JsonObject> poolAudit(Instant since) {
        return admin.get("audit?since=" + since).array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("target").equals("pool")).toList();
    }

    /** The pool's audit entries made after {@code earlier} was read (the earlier tests' resets come first). */
    private List<JsonObject> poolAuditAfter(Instant since, List<JsonObject> earlier) {
        List<JsonObject> all = poolAudit(since);
        return all.subList(earlier.size(), all.size());
    }

    @Test
    void failingOverAndBackIsAuditedUnderTheCmdlet() {
        Instant since = Instant.now().minusSeconds(1);
        List<JsonObject> earlier = poolAudit(since);

        Api.Reply failedOver = admin.patch("pool", "{\"state\": \"FailedOver\"}");
        assertThat(failedOver.status()).as(failedOver.toString()).isEqualTo(200);
        assertThat(failedOver.object().getString("state")).isEqualTo("FailedOver");
        assertThat(admin.get("pool").object().getString("state")).isEqualTo("FailedOver");
        Api.Reply normal = admin.patch("pool", "{\"state\": \"normal\"}");
        assertThat(normal.status()).as(normal.toString()).isEqualTo(200);
        assertThat(normal.object().getString("state")).isEqualTo("Normal");

        List<JsonObject> entries = poolAuditAfter(since, earlier);
        assertThat(entries).extracting(e -> e.getString("action")).containsExactly("Set-CsPersistentChatState",
                "Set-CsPersistentChatState");
        assertThat(entries).allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("sip:admin@example.com"));
        assertThat(entries.get(0).getJsonObject("before").getString("state")).isEqualTo("Normal");
        assertThat(entries.get(0).getJsonObject("after").getString("state")).isEqualTo("FailedOver");
        assertThat(entries.get(1).getJsonObject("after").getString("state")).isEqualTo("Normal");
    }

    @Test
    void activeServersAreSetChangedByModifiersAndAudited() {
        Instant since = Instant.now().minusSeconds(1);
        List<JsonObject> earlier = poolAudit(since);

        Api.Reply set = admin.patch("pool", "{\"activeServers\": [\"node2\", \"node1\"]}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(strings(set.object(), "activeServers")).containsExactly("node1", "node2");
        Api.Reply modified = admin.patch("pool", "{\"activeServers\": {\"add\": [\"node3\"], \"remove\": [\"NODE1\"]}}");
        assertThat(strings(modified.object(), "activeServers")).containsExactly("node2", "node3");
        assertThat(modified.object().getBoolean("pooled")).isFalse();

        assertThat(poolAuditAfter(since, earlier).stream().map(e -> e.getString("action")).toList())
                .containsExactly("Set-CsPersistentChatActiveServer", "Set-CsPersistentChatActiveServer");
    }

    @Test
    void aStaleEtagIsRefusedAndTheCurrentOneAccepted() {
        String seen = admin.get("pool").header("ETag");
        assertThat(admin.patch("pool", "{\"state\": \"FailedOver\"}").status()).isEqualTo(200);

        assertProblem(admin.patch("pool", "{\"state\": \"Normal\"}", seen), 412, null, "changed since");
        String current = admin.get("pool").header("ETag");
        assertThat(current).isNotEqualTo(seen);
        Api.Reply accepted = admin.patch("pool", "{\"state\": \"Normal\"}", current);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo(seen);
    }

    @Test
    void badStatesAndNamesAreRefusedNamingTheField() {
        assertProblem(admin.patch("pool", "{\"state\": \"Down\"}"), 400, "state", "Normal or FailedOver");
        assertProblem(admin.patch("pool", "{\"state\": 1}"), 400, "state", "string");
        assertProblem(admin.patch("pool", "{\"activeServers\": [\"node 1\"]}"), 400, "activeServers",
                "pool node's name");
        assertProblem(admin.patch("pool", "{\"activeServers\": [\"node1\", \"Node1\"]}"), 400, "activeServers",
                "named twice");
        assertProblem(admin.patch("pool", "{\"activeServers\": \"node1\"}"), 400, "activeServers", "array of names");
        assertProblem(admin.patch("pool", "{\"nodes\": []}"), 400, "nodes", "unknown field");
        assertThat(admin.get("pool").object().getString("state")).as("nothing changed").isEqualTo("Normal");
        assertThat(strings(admin.get("pool").object(), "activeServers")).isEmpty();
    }

    @Test
    void onlyAdministratorsSeeOrChangeThePool() {
        Api bob = Api.demoUser("bob");

        assertProblem(bob.get("pool"), 403, null, "administrators");
        assertProblem(bob.patch("pool", "{\"state\": \"FailedOver\"}"), 403, null, "administrators");
        assertThat(Api.anonymous().get("pool").status()).isEqualTo(401);
        assertThat(admin.get("pool").object().getString("state")).isEqualTo("Normal");
    }

    @Test
    void theOpenApiDocumentDescribesThePool() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/pchat/api/openapi.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"/v1/pool\"");
    }
}
