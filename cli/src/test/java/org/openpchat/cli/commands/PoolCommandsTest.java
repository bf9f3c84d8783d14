package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.json;
import static org.openpchat.cli.testing.FakeApi.Reply.problem;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Request;

class PoolCommandsTest extends ApiTest {

    static final String POOLED = """
            {"state":"Normal","activeServers":["node1","node3"],"pooled":true,"nodes":[\
            {"name":"node1","self":true,"responding":true,"active":true,"signedInConnections":12,"usersInRooms":5,\
            "lastHeard":"2026-12-03T10:00:02Z"},\
            {"name":"node2","self":false,"responding":false,"active":false,"signedInConnections":0,"usersInRooms":0,\
            "lastHeard":"2026-12-03T09:58:00Z"}]}""";
    static final String SINGLE = """
            {"state":"FailedOver","activeServers":[],"pooled":false,"nodes":[]}""";

    @Test
    void getShowsTheSettingsWithTheirEtagAndTheNodesAsATable() {
        api.on("GET", "/pool", json(200, POOLED).withHeader("ETag", "\"p1\""));

        Result result = run("pool", "get");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly(
                "state          Normal",
                "activeServers  node1, node3",
                "pooled         true",
                "etag           \"p1\"",
                "",
                "NODE                 ROLE    RESPONDING  CONNECTIONS  USERS IN ROOMS  LAST HEARD",
                "node1 (this server)  active  true        12           5               2026-12-03T10:00:02Z",
                "node2                idle    false       0            0               2026-12-03T09:58:00Z");
    }

    @Test
    void aServerInNoPoolHasNoNodesToShow() {
        api.on("GET", "/pool", json(200, SINGLE));

        Result result = run("pool", "get");

        assertThat(result.outLines()).containsExactly("state          FailedOver",
                "activeServers  (none: every node is active)", "pooled         false");
    }

    @Test
    void getInJsonIsTheServersAnswer() {
        api.on("GET", "/pool", json(200, POOLED));

        Result result = run("pool", "get", "-o", "json");

        assertThat(object(result.out())).isEqualTo(object(POOLED));
    }

    @Test
    void setSendsTheStateAndIfMatch() {
        api.on("PATCH", "/pool", json(200, SINGLE).withHeader("ETag", "\"p2\""));

        Result result = run("pool", "set", "--state", "failedover", "--if-match", "\"p1\"");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request request = api.single();
        assertThat(request.header("If-Match")).isEqualTo("\"p1\"");
        assertThat(object(request.bodyText())).isEqualTo(object("{\"state\":\"FailedOver\"}"));
        assertThat(result.out()).contains("state          FailedOver", "etag           \"p2\"");
    }

    @Test
    void setAddsAndRemovesActiveServers() {
        api.on("PATCH", "/pool", json(200, POOLED));

        Result result = run("pool", "set", "--add-active-server", "node3", "--add-active-server", "node4",
                "--remove-active-server", "node2", "--state", "Normal");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("If-Match")).isNull();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"state":"Normal","activeServers":{"add":["node3","node4"],"remove":["node2"]}}"""));
    }

    @Test
    void replaceSetsExactlyTheseServersAndAnEmptyValueMakesEveryNodeActive() {
        api.on("PATCH", "/pool", json(200, POOLED));

        assertThat(run("pool", "set", "--replace-active-servers", "node1", "--replace-active-servers", "node2")
                .exitCode()).isZero();
        assertThat(run("pool", "set", "--replace-active-servers", "").exitCode()).isZero();

        assertThat(api.requests()).extracting(request -> object(request.bodyText())).containsExactly(
                object("{\"activeServers\":{\"replace\":[\"node1\",\"node2\"]}}"),
                object("{\"activeServers\":{\"replace\":[]}}"));
    }

    @Test
    void replaceCombinedWithAddIsAUsageError() {
        Result result = run("pool", "set", "--replace-active-servers", "node1", "--add-active-server", "node2");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(
                "--replace-active-servers cannot be combined with --add-active-server or --remove-active-server");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void nothingToChangeOrAnUnknownStateIsAUsageError() {
        Result nothing = run("pool", "set");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to change");

        Result unknown = run("pool", "set", "--state", "Down");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--state", "Normal, FailedOver");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void aRefusedNameIsInvalidInput() {
        api.on("PATCH", "/pool", problem(400, """
                {"type":"about:blank","title":"Bad Request","status":400,"field":"activeServers",\
                "detail":"field 'activeServers': an active server is a pool node's name (letters, digits, '.', '-',\
                 '_'), not node 1"}"""));

        Result result = run("pool", "set", "--add-active-server", "node 1");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).contains("400 Bad Request", "not node 1");
    }

    @Test
    void aStaleEtagIsAConflict() {
        api.on("PATCH", "/pool", problem(412, """
                {"type":"about:blank","title":"Precondition Failed","status":412,\
                "detail":"the pool was changed since you read it; read it again and retry"}"""));

        Result result = run("pool", "set", "--state", "Normal", "--if-match", "\"old\"");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("the pool was changed since you read it");
    }
}
