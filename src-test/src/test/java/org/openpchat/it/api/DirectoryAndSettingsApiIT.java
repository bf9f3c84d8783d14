package org.openpchat.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.it.api.AdministrationApiIT.assertProblem;
import static org.openpchat.it.api.AdministrationApiIT.strings;
import static org.openpchat.it.api.Api.segment;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpchat.it.Fixtures;
import org.openpchat.it.PchatDeployment;
import org.openpchat.client.sip.SipFailureException;
import org.openpchat.client.xccos.XccosClient;
import org.openpchat.it.xccos.Demo;

/**
 * Users, groups, the CSV import, policies and their grants, configurations, chat endpoints and the
 * audit log through /pchat/api/v1, with SIP clients checking what reaches the SIP side.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DirectoryAndSettingsApiIT {

    private static final String PASSWORD = "Imported-" + Fixtures.unique("pw");
    private final Api admin = Api.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PchatDeployment.shipped();
    }

    @Test
    void aUsersPasswordIsWriteOnlyAndTheSipCredentialFollowsIt() {
        String user = Fixtures.unique("frank") + "@example.com";
        Api.Reply created = admin.post("users", "{\"uri\": \"sip:" + user + "\", \"displayName\": \"Frank\","
                + " \"password\": \"First-pass-1\", \"groups\": [\"staff\", \"group:analysts\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/users/sip:" + user);
        assertThat(created.body()).doesNotContain("password").doesNotContain("First-pass-1");
        assertThat(strings(created.object(), "groups")).containsExactly("group:analysts", "group:staff");
        assertSipSignIn(user, "First-pass-1", 200);
        XccosClient signedInBefore = Demo.connect(user);
        assertThat(signedInBefore.register("First-pass-1").status()).isEqualTo(200);

        Api.Reply changed = admin.patch("users/sip:" + user, "{\"password\": \"Second-pass-2\", \"displayName\":"
                + " \"Frank B.\", \"groups\": {\"remove\": [\"analysts\"]}, \"site\": \"Redmond\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.object().getString("displayName")).isEqualTo("Frank B.");
        assertThat(changed.object().getString("site")).isEqualTo("Redmond");
        assertThat(strings(changed.object(), "groups")).containsExactly("group:staff");
        try (signedInBefore) {
            assertThat(signedInBefore.register("First-pass-1").status())
                    .as("the connection signed in with the old password is asked again").isEqualTo(403);
        }
        assertSipSignIn(user, "First-pass-1", 403);
        assertSipSignIn(user, "Second-pass-2", 200);
        assertThat(Api.as(user, "Second-pass-2").get("rooms/Lobby/messages?limit=1").status()).isEqualTo(200);
        XccosClient signedInUntilRemoved = Demo.connect(user);
        assertThat(signedInUntilRemoved.register("Second-pass-2").status()).isEqualTo(200);
        assertThat(admin.get("users/" + segment(user)).object().getString("uri")).as("addressed without sip: too")
                .isEqualTo("sip:" + user);

        assertProblem(admin.post("users", "{\"uri\": \"sip:" + user + "\"}"), 409, null, "already exists");
        assertProblem(admin.patch("users/sip:" + user, "{\"password\": \"short\"}"), 400, null, "8 to 256");
        assertThat(admin.delete("users/sip:" + user).status()).isEqualTo(204);
        assertThat(admin.get("users/sip:" + user).status()).isEqualTo(404);
        assertThat(strings(admin.get("groups/staff").object(), "members")).doesNotContain("sip:" + user);
        try (signedInUntilRemoved) {
            assertThat(signedInUntilRemoved.register("Second-pass-2").status())
                    .as("the connection of a removed user is asked again").isEqualTo(403);
        }
        assertSipSignIn(user, "Second-pass-2", 403);
        assertThat(Api.as(user, "Second-pass-2").get("rooms/Lobby/messages?limit=1").status())
                .as("the API forgets the removed user's password at once").isEqualTo(401);
    }

    @Test
    void groupsNestAndTheirMembersChangeWithModifiers() {
        String inner = Fixtures.unique("inner");
        String outer = Fixtures.unique("outer");
        assertThat(admin.post("groups", "{\"name\": \"" + inner + "\", \"members\": [\"sip:alice@example.com\"]}")
                .status()).isEqualTo(201);
        Api.Reply created = admin.post("groups", "{\"name\": \"" + outer + "\", \"displayName\": \"Outer\","
                + " \"members\": [\"group:" + inner + "\", \"ou:OU=Desk,DC=example,DC=com\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(strings(created.object(), "members")).containsExactly("group:" + inner,
                "ou:ou=desk,dc=example,dc=com");

        JsonObject changed = admin.patch("groups/" + outer, "{\"members\": {\"add\": [\"sip:bob@example.com\"],"
                + " \"remove\": [\"ou:OU=Desk,DC=example,DC=com\"]}}").object();
        assertThat(strings(changed, "members")).containsExactly("group:" + inner, "sip:bob@example.com");
        assertProblem(admin.patch("groups/" + outer, "{\"members\": {\"add\": [\"sip:nobody-" + inner
                + "@example.com\"]}}"), 404, null, "no such principal");
        assertThat(admin.get("groups?filter=" + outer).array()).hasSize(1);

        assertThat(admin.delete("groups/" + inner).status()).isEqualTo(204);
        assertThat(strings(admin.get("groups/" + outer).object(), "members")).containsExactly("sip:bob@example.com");
    }

    @Test
    void aCsvImportCreatesAndUpdatesUsersAndGroupsAndReportsBadLines() {
        String group = Fixtures.unique("imported");
        String first = Fixtures.unique("csv1") + "@example.com";
        String second = Fixtures.unique("csv2") + "@example.com";
        String csv = "uri,displayName,password,groups\n"
                + "sip:" + first + ",First Imported," + PASSWORD + "," + group + ";staff\n"
                + second + ",\"Second, Imported\",," + group + "\n"
                + "not a sip address,Broken,,\n"
                + "sip:alice@example.com,Alice,,\n";
        Api.Reply accepted = admin.post("users:import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/pchat/api/v1/jobs/");

        JsonObject job = admin.awaitJob(accepted.header("Location"), Duration.ofMinutes(2));
        assertThat(job.getString("state")).as(job.toString()).isEqualTo("succeeded");
        JsonObject result = job.getJsonObject("result");
        assertThat(result.getInt("created")).isEqualTo(2);
        assertThat(result.getInt("updated")).isEqualTo(1);
        assertThat(result.getInt("groupsCreated")).isEqualTo(1);
        assertThat(result.getJsonArray("failed")).singleElement().satisfies(failure -> {
            assertThat(failure.asJsonObject().getInt("line")).isEqualTo(4);
            assertThat(failure.asJsonObject().getString("error")).contains("not a SIP address");
        });
        assertThat(strings(admin.get("groups/" + group).object(), "members"))
                .containsExactly("sip:" + first, "sip:" + second);
        assertThat(admin.get("users/sip:" + second).object().getString("displayName")).isEqualTo("Second, Imported");
        assertSipSignIn(first, PASSWORD, 200);
        assertThat(Api.as(first, PASSWORD).get("rooms/Lobby/messages?limit=1").status())
                .as("web sign-in once the job ended").isEqualTo(200);

        assertProblem(admin.post("users:import", "text/csv", "uri,colour\nsip:x@example.com,red\n"
                .getBytes(StandardCharsets.UTF_8)), 400, "colour", "unknown CSV column");
        assertProblem(Api.demoUser("alice").post("users:import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)),
                403, null, "administrators");
    }

    @Test
    void policiesAreCreatedGrantedAndRemovedOnlyWhenUnusedOrForced() {
        String tag = Fixtures.unique("Pilot");
        String user = Fixtures.unique("pilot") + "@example.com";
        assertThat(admin.post("users", "{\"uri\": \"sip:" + user + "\", \"password\": \"" + PASSWORD + "\"}").status())
                .isEqualTo(201);
        Api.Reply created = admin.post("policies", "{\"identity\": \"tag:" + tag + "\", \"enablePersistentChat\": false,"
                + " \"description\": \"off for pilots\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertProblem(admin.post("policies", "{\"identity\": \"global\"}"), 409, null, "already exists");
        assertThat(admin.get("policies").array()).extracting(v -> v.asJsonObject().getString("identity"))
                .startsWith("global").contains("tag:" + tag);

        assertSipChat(user, 200);
        Api.Reply granted = admin.put("users/sip:" + user + "/policy", "{\"policyName\": \"" + tag + "\"}");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(granted.object().getString("policy")).isEqualTo(tag);
        assertSipChat(user, 403);
        assertProblem(admin.put("users/sip:" + user + "/policy", "{\"policyName\": \"nope-" + tag + "\"}"), 404, null,
                "no such policy");

        assertProblem(admin.delete("policies/tag:" + tag), 409, null, "granted to 1 user");
        assertThat(admin.patch("policies/tag:" + tag, "{\"enablePersistentChat\": true}").object()
                .getBoolean("enablePersistentChat")).isTrue();
        assertSipChat(user, 200);
        assertThat(admin.delete("policies/tag:" + tag + "?force=true").status()).isEqualTo(204);
        assertThat(admin.get("policies/tag:" + tag).status()).isEqualTo(404);
        assertThat(admin.put("users/sip:" + user + "/policy", "{\"policyName\": null}").object()
                .containsKey("policy")).isFalse();
    }

    @Test
    void configurationsAreSetPerScopeAndGlobalIsResetNotRemoved() {
        String site = "site:" + Fixtures.unique("Lab");
        Api.Reply created = admin.post("configurations", "{\"identity\": \"" + site + "\", \"defaultChatHistory\": 12,"
                + " \"roomManagementUrl\": \"https://chat.example.com/rooms\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.object().getInt("defaultChatHistory")).isEqualTo(12);
        assertThat(created.object().getInt("maxFileSizeKB")).isEqualTo(20000);
        assertProblem(admin.patch("configurations/" + site, "{\"defaultChatHistory\": 501}"), 400,
                "defaultChatHistory", "between 1 and 500");
        assertProblem(admin.patch("configurations/" + site, "{\"roomManagementUrl\": \"file:///etc\"}"), 400, null,
                "http or https");
        assertThat(admin.patch("configurations/" + site, "{\"participantUpdateLimit\": 10}").object()
                .getInt("participantUpdateLimit")).isEqualTo(10);
        assertThat(admin.delete("configurations/" + site).status()).isEqualTo(204);
        assertThat(admin.get("configurations/" + site).status()).isEqualTo(404);

        JsonObject global = admin.get("configurations/global").object();
        assertThat(global.getString("identity")).isEqualTo("global");
        assertProblem(admin.post("configurations", "{\"identity\": \"global\"}"), 409, null, "already exists");
        assertProblem(admin.post("configurations", "{\"identity\": \"tag:x\"}"), 400, null, "global, per site");
    }

    @Test
    void complianceConfigurationsAreSetAndTheExportRunsOnDemand() throws Exception {
        ComplianceExport export = ComplianceExport.create(admin, "vault", ", \"runInterval\": \"PT30M\","
                + " \"addChatRoomDetails\": true");
        String site = export.identity();
        JsonObject configuration = admin.get("compliance-configurations/" + site).object();
        assertThat(configuration.getString("runInterval")).isEqualTo("PT30M");
        assertThat(configuration.getBoolean("addChatRoomDetails")).isTrue();
        assertThat(configuration.getBoolean("purgeAfterProcessing")).isFalse();
        assertProblem(admin.patch("compliance-configurations/" + site, "{\"runInterval\": \"30 minutes\"}"), 400,
                "runInterval", "ISO 8601");
        assertProblem(admin.patch("compliance-configurations/" + site, "{\"runInterval\": \"PT30S\"}"), 400, null,
                "minutes");

        String text = Fixtures.unique("captured");
        assertThat(Api.demoUser("alice").post("rooms/Lobby/messages", "{\"content\": \"" + text + "\"}").status())
                .isEqualTo(201);
        assertThat(export.runUntil(text)).contains("category=\"General\"");
        JsonObject pipeline = admin.get("compliance-pipeline").object();
        assertThat(pipeline.getString("lastExport")).isNotBlank();
        assertThat(pipeline.getInt("deadLetters")).isZero();
        assertThat(pipeline.getInt("outbox")).isNotNegative();

        assertThat(admin.patch("compliance-configurations/" + site, "{\"adapterType\": \"\"}").status()).isEqualTo(200);
        assertProblem(admin.post("compliance-configurations/" + site + ":run", "{}"), 409, null, "no adapter type");
        assertThat(admin.delete("compliance-configurations/" + site).status()).isEqualTo(204);
    }

    @Test
    void endpointsAreTheAddressesTheChatPoolAnswers() {
        String address = Fixtures.unique("chat") + "@example.com";
        assertSipInvite(address, 404);

        Api.Reply created = admin.post("endpoints", "{\"sipAddress\": \"sip:" + address + "\", \"displayName\": \"Chat\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(admin.get("endpoints").array()).extracting(v -> v.asJsonObject().getString("sipAddress"))
                .contains("sip:pchat@example.com", "sip:ocschat@example.com", "sip:" + address);
        assertSipInvite(address, 200);
        assertProblem(admin.post("endpoints", "{\"sipAddress\": \"sip:" + address + "\"}"), 409, null, "already exists");
        assertProblem(admin.post("endpoints", "{\"sipAddress\": \"" + address + "\"}"), 400, null, "starts with sip:");

        assertThat(admin.delete("endpoints/sip:" + address).status()).isEqualTo(204);
        assertSipInvite(address, 404);
    }

    @Test
    void provisioningNamesAnEndpointThatAnswersAndTheLastOneStays() {
        assertThat(admin.delete("endpoints/sip:pchat@example.com").status()).isEqualTo(204);
        try {
            assertThat(provisionedPool()).isEqualTo("sip:ocschat@example.com");
            assertSipInvite("ocschat@example.com", 200);
            assertProblem(admin.delete("endpoints/sip:ocschat@example.com"), 409, null, "last chat endpoint");
            assertThat(admin.get("endpoints").array()).hasSize(1);
        } finally {
            assertThat(admin.post("endpoints", "{\"sipAddress\": \"sip:pchat@example.com\"}").status()).isEqualTo(201);
        }
        assertThat(provisionedPool()).isEqualTo(Demo.POOL_URI);
    }

    private static String provisionedPool() {
        try (XccosClient client = Demo.connect("carol")) {
            assertThat(client.register(Api.DEMO_PASSWORD).status()).isEqualTo(200);
            return client.subscribeProvisioning().poolUri();
        }
    }

    @Test
    void everyChangeIsAuditedWithItsActorAndTheItemBeforeAndAfter() {
        Instant since = Instant.now().minusSeconds(1);
        String name = Fixtures.unique("Audited");
        assertThat(admin.post("categories", "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
        assertThat(admin.patch("categories/" + segment(name), "{\"description\": \"seen\"}").status()).isEqualTo(200);
        String user = Fixtures.unique("audited") + "@example.com";
        assertThat(admin.post("users", "{\"uri\": \"sip:" + user + "\", \"password\": \"Audit-pass-1\"}").status())
                .isEqualTo(201);
        assertThat(admin.delete("categories/" + segment(name)).status()).isEqualTo(204);

        Api.Reply audit = admin.get("audit?since=" + since);
        assertThat(audit.status()).isEqualTo(200);
        List<JsonObject> entries = audit.array().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("target").equals("category:" + name)).toList();
        assertThat(entries).extracting(e -> e.getString("action")).containsExactly("New-CsPersistentChatCategory",
                "Set-CsPersistentChatCategory", "Remove-CsPersistentChatCategory");
        assertThat(entries).allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("sip:admin@example.com"));
        JsonObject set = entries.get(1);
        assertThat(set.getJsonObject("before").containsKey("description")).isFalse();
        assertThat(set.getJsonObject("after").getString("description")).isEqualTo("seen");
        assertThat(entries.get(0).get("before")).isEqualTo(JsonValue.NULL);
        assertThat(entries.get(2).get("after")).isEqualTo(JsonValue.NULL);
        assertThat(audit.body()).contains("\"user:sip:" + user + "\"").doesNotContain("Audit-pass-1");
        assertProblem(admin.get("audit?since=yesterday"), 400, "since", "ISO 8601");
    }

    /** REGISTER with Digest as the user; the final status. */
    private static void assertSipSignIn(String user, String password, int status) {
        try (XccosClient client = Demo.connect(user)) {
            assertThat(client.register(password).status()).as("REGISTER " + user).isEqualTo(status);
        }
    }

    /** Signs in with the import's password and opens a chat dialog; the INVITE's final status. */
    private static void assertSipChat(String user, int status) {
        try (XccosClient client = Demo.connect(user)) {
            assertThat(client.register(PASSWORD).status()).isEqualTo(200);
            assertThat(inviteStatus(client, Demo.POOL_URI)).as("INVITE by " + user).isEqualTo(status);
        }
    }

    /** A demo user opens a chat dialog to the address; the INVITE's final status. */
    private static void assertSipInvite(String address, int status) {
        try (XccosClient client = Demo.connect("carol")) {
            assertThat(client.register(Api.DEMO_PASSWORD).status()).isEqualTo(200);
            assertThat(inviteStatus(client, "sip:" + address)).as("INVITE " + address).isEqualTo(status);
        }
    }

    private static int inviteStatus(XccosClient client, String requestUri) {
        try {
            client.invite(requestUri);
            return 200;
        } catch (SipFailureException e) {
            return e.response().status();
        }
    }
}
