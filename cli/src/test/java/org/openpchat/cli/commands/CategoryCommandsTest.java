package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;
import static org.openpchat.cli.testing.FakeApi.Reply.problem;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class CategoryCommandsTest extends ApiTest {

    static final String TRADING = """
            {"name":"Trading","description":"Desks","allowedMembers":["group:staff"],"deniedMembers":["group:analysts"],\
            "creators":[],"fileUpload":false,"invitations":true,"chatHistory":true,"rooms":1}""";

    @Test
    void newPostsListsAndSwitches() {
        api.on("POST", "/categories", json(201, TRADING));

        Result result = run("category", "new", "--name", "Trading", "--description", "Desks", "--allowed-member",
                "group:staff", "--denied-member", "group:analysts", "--creator", "sip:bob@example.com",
                "--creator", "sip:admin@example.com", "--file-upload", "--invitations=false", "--chat-history=true");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().path()).isEqualTo("/pchat/api/v1/categories");
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"name":"Trading","description":"Desks","allowedMembers":["group:staff"],
                 "deniedMembers":["group:analysts"],"creators":["sip:bob@example.com","sip:admin@example.com"],
                 "fileUpload":true,"invitations":false,"chatHistory":true}"""));
        assertThat(result.outLines()).contains("allowedMembers  group:staff", "rooms           1");
    }

    @Test
    void getListsCategoriesAsATable() {
        api.on("GET", "/categories", json(200, "[" + TRADING + "]"));

        Result result = run("category", "get");

        assertThat(result.exitCode()).isZero();
        assertThat(api.single().query()).isNull();
        assertThat(result.outLines()).containsExactly(
                "NAME     ROOMS  ALLOWED MEMBERS  DENIED MEMBERS  CREATORS  FILE UPLOAD  INVITATIONS  CHAT HISTORY",
                "Trading  1      group:staff      group:analysts            false        true         true");
    }

    @Test
    void setChangesEachListWithItsModifier() {
        api.on("PATCH", "/categories/Trading", json(200, TRADING));

        Result result = run("category", "set", "Trading", "--add-allowed-member", "domain:example.com",
                "--remove-denied-member", "group:analysts", "--replace-creators", "sip:bob@example.com",
                "--replace-creators", "group:desk-heads", "--new-name", "Markets", "--file-upload=false");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"name":"Markets","fileUpload":false,
                 "allowedMembers":{"add":["domain:example.com"]},
                 "deniedMembers":{"remove":["group:analysts"]},
                 "creators":{"replace":["sip:bob@example.com","group:desk-heads"]}}"""));
    }

    @Test
    void removingACategoryWithRoomsIsAConflict() {
        api.on("DELETE", "/categories/Trading", problem(409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"category 'Trading' holds 1 room"}"""));

        Result result = run("category", "remove", "Trading");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).isEqualTo("pchat: 409 Conflict: category 'Trading' holds 1 room"
                + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void removeDeletesAnEmptyCategory() {
        api.on("DELETE", "/categories/Old", empty(204));

        Result result = run("category", "remove", "Old");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("removed category Old" + System.lineSeparator());
    }
}
