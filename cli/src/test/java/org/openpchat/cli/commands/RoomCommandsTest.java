package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;
import org.openpchat.cli.testing.FakeApi.Request;

class RoomCommandsTest extends ApiTest {

    static final String BOND_DESK = """
            {"name":"Bond Desk","uri":"ma-chan://example.com/7","description":"","category":"Trading",\
            "privacy":"Closed","type":"Normal","members":["sip:bob@example.com","group:staff"],"managers":[],\
            "presenters":[],"disabled":false,"invitations":"Inherit","addin":null}""";

    @Test
    void newPostsTheGivenFieldsAndPrintsTheRoom() {
        api.on("POST", "/rooms", json(201, BOND_DESK).withHeader("Location", api.url() + "/pchat/api/v1/rooms/Bond%20Desk"));

        Result result = run("room", "new", "--name", "Bond Desk", "--category", "Trading", "--privacy", "closed",
                "--description", "Bonds", "--member", "group:staff");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request request = api.single();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/pchat/api/v1/rooms");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Authorization")).isEqualTo(ADMIN_AUTHORIZATION);
        assertThat(request.header("Accept")).contains("application/json");
        assertThat(object(request.bodyText())).isEqualTo(object("""
                {"name":"Bond Desk","category":"Trading","privacy":"Closed","description":"Bonds",\
                "members":["group:staff"]}"""));
        assertThat(result.outLines()).contains("name         Bond Desk", "category     Trading",
                "members      sip:bob@example.com, group:staff");
    }

    @Test
    void newWithoutCategoryIsAUsageError() {
        Result result = run("room", "new", "--name", "Bond Desk");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--category=NAME'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void newWithAnUnknownPrivacyIsAUsageError() {
        Result result = run("room", "new", "--name", "X", "--category", "General", "--privacy", "Public");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Open, Closed, Secret");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void getOneRoomPrintsItsFieldsAndItsEtag() {
        api.on("GET", "/rooms/Bond%20Desk", json(200, BOND_DESK).withHeader("ETag", "\"v3\""));

        Result result = run("room", "get", "Bond Desk");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().method()).isEqualTo("GET");
        assertThat(result.outLines()).containsExactly(
                "name         Bond Desk",
                "uri          ma-chan://example.com/7",
                "description",
                "category     Trading",
                "privacy      Closed",
                "type         Normal",
                "members      sip:bob@example.com, group:staff",
                "managers",
                "presenters",
                "disabled     false",
                "invitations  Inherit",
                "addin",
                "etag         \"v3\"");
    }

    @Test
    void getOneRoomAsJsonPrintsTheServersJson() {
        api.on("GET", "/rooms/Bond%20Desk", json(200, BOND_DESK));

        Result result = run("room", "get", "Bond Desk", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(BOND_DESK + System.lineSeparator());
    }

    @Test
    void getWithFiltersSendsThemAsQueryAndPrintsATable() {
        api.on("GET", "/rooms", json(200, "[" + BOND_DESK + ",{\"name\":\"Desk\",\"category\":\"Trading\","
                + "\"privacy\":\"Open\",\"type\":\"Auditorium\",\"disabled\":true,\"managers\":[\"sip:bob@example.com\"],"
                + "\"members\":[],\"presenters\":[]}]"));

        Result result = run("room", "get", "--category", "Trading", "--manager", "sip:bob@example.com", "--member",
                "group:staff", "--disabled", "--privacy", "open", "--type", "Auditorium", "--addin", "Wiki",
                "--filter", "Bond*", "--search-description", "--limit", "5", "--offset", "10");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().query()).isEqualTo("category=Trading&manager=sip%3Abob%40example.com"
                + "&member=group%3Astaff&disabled=true&privacy=Open&type=Auditorium&addin=Wiki&filter=Bond%2A"
                + "&searchDescription=true&limit=5&offset=10");
        assertThat(result.outLines()).containsExactly(
                "NAME       CATEGORY  PRIVACY  TYPE        DISABLED  MANAGERS             MEMBERS"
                        + "                           PRESENTERS",
                "Bond Desk  Trading   Closed   Normal      false                          sip:bob@example.com,"
                        + " group:staff",
                "Desk       Trading   Open     Auditorium  true      sip:bob@example.com");
    }

    @Test
    void disabledFalseAsksForEnabledRooms() {
        api.on("GET", "/rooms", json(200, "[]"));

        Result result = run("room", "get", "--disabled=false");

        assertThat(result.exitCode()).isZero();
        assertThat(api.single().query()).isEqualTo("disabled=false");
        assertThat(result.outLines()).containsExactly("NAME  CATEGORY  PRIVACY  TYPE  DISABLED  MANAGERS  MEMBERS"
                + "  PRESENTERS");
    }

    @Test
    void aCollectionWrappedInAnObjectIsReadFromItsItems() {
        api.on("GET", "/rooms", json(200, "{\"items\":[" + BOND_DESK + "],\"total\":1}"));

        Result result = run("room", "get");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(1)).startsWith("Bond Desk  Trading");
    }

    @Test
    void aNameAndFiltersTogetherAreAUsageError() {
        Result result = run("room", "get", "Lobby", "--category", "General");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a room NAME cannot be combined with filters");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void setSendsListModifiersAndIfMatch() {
        api.on("PATCH", "/rooms/Lobby", json(200, BOND_DESK).withHeader("ETag", "\"v4\""));

        Result result = run("room", "set", "Lobby", "--add-member", "sip:bob@example.com", "--add-member",
                "ou:OU=Traders,DC=example,DC=com", "--remove-member", "sip:carol@example.com", "--replace-managers",
                "sip:alice@example.com", "--disabled=false", "--if-match", "\"v3\"");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request request = api.single();
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.header("If-Match")).isEqualTo("\"v3\"");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(object(request.bodyText())).isEqualTo(object("""
                {"disabled":false,
                 "members":{"add":["sip:bob@example.com","ou:OU=Traders,DC=example,DC=com"],
                            "remove":["sip:carol@example.com"]},
                 "managers":{"replace":["sip:alice@example.com"]}}"""));
        assertThat(result.out()).contains("etag         \"v4\"");
    }

    @Test
    void setMovesRenamesAndChangesSettings() {
        api.on("PATCH", "/rooms/Lobby", json(200, BOND_DESK));

        Result result = run("room", "set", "Lobby", "--new-name", "Main Lobby", "--category", "Trading",
                "--description", "Everyone", "--privacy", "Secret", "--type", "Normal", "--invitations", "False",
                "--addin", "", "--add-presenter", "sip:alice@example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().header("If-Match")).isNull();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"name":"Main Lobby","category":"Trading","description":"Everyone","privacy":"Secret",
                 "type":"Normal","invitations":"False","addin":"",
                 "presenters":{"add":["sip:alice@example.com"]}}"""));
    }

    @Test
    void replaceWithAnEmptyValueEmptiesTheList() {
        api.on("PATCH", "/rooms/Lobby", json(200, BOND_DESK));

        Result result = run("room", "set", "Lobby", "--replace-presenters", "");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"presenters\":{\"replace\":[]}}"));
    }

    @Test
    void replaceCombinedWithAddIsAUsageError() {
        Result result = run("room", "set", "Lobby", "--replace-members", "sip:a@example.com", "--add-member",
                "sip:b@example.com");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--replace-members cannot be combined with --add-member or --remove-member");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void setWithNothingToChangeIsAUsageError() {
        Result result = run("room", "set", "Lobby");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing to change");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void removeDeletesTheRoom() {
        api.on("DELETE", "/rooms/Project%20X", empty(204));

        Result result = run("room", "remove", "Project X");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().method()).isEqualTo("DELETE");
        assertThat(result.out()).isEqualTo("removed room Project X" + System.lineSeparator());
    }

    @Test
    void removeAsJsonPrintsNothingForAnEmptyAnswer() {
        api.on("DELETE", "/rooms/Lobby", empty(204));

        Result result = run("room", "remove", "Lobby", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void clearPostsTheTimeAndReportsHowManyWereRemoved() {
        api.on("POST", "/rooms/Lobby:clear", json(200, "{\"removed\":12}"));

        Result result = run("room", "clear", "Lobby", "--before", "2026-11-30");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Request request = api.single();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(object(request.bodyText())).isEqualTo(object("{\"before\":\"2026-11-30T00:00:00Z\"}"));
        assertThat(result.out()).isEqualTo("removed 12 messages from Lobby" + System.lineSeparator());
    }

    @Test
    void clearTakesAnInstantWithAnOffset() {
        api.on("POST", "/rooms/Lobby:clear", json(200, "{\"removed\":0}"));

        Result result = run("room", "clear", "Lobby", "--before", "2026-11-30T02:00:00+02:00", "-o", "json");

        assertThat(result.exitCode()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"before\":\"2026-11-30T00:00:00Z\"}"));
        assertThat(result.out().strip()).isEqualTo("{\"removed\":0}");
    }

    @Test
    void clearWithANonsenseTimeIsAUsageError() {
        Result result = run("room", "clear", "Lobby", "--before", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'yesterday' is not a time such as 2026-11-30T00:00:00Z");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void namesArePercentEncodedInThePath() {
        api.on("GET", "/rooms/Q%26A%20%231%3F%20100%25%3B%2B", json(200, BOND_DESK));

        Result result = run("room", "get", "Q&A #1? 100%;+");

        assertThat(result.exitCode()).as(result.toString() + api.describe()).isZero();
    }

    @Test
    void aNameWithASlashCannotBeAddressed() {
        Result result = run("room", "get", "a/b");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("names containing '/' cannot be addressed");
        assertThat(api.requests()).isEmpty();
    }
}
