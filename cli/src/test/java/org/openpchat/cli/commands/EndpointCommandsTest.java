package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class EndpointCommandsTest extends ApiTest {

    @Test
    void newAddsASipAddress() {
        api.on("POST", "/endpoints", json(201, "{\"sipAddress\":\"sip:chat@example.com\",\"displayName\":\"Chat\"}"));

        Result result = run("endpoint", "new", "--sip-address", "sip:chat@example.com", "--display-name", "Chat");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText()))
                .isEqualTo(object("{\"sipAddress\":\"sip:chat@example.com\",\"displayName\":\"Chat\"}"));
    }

    @Test
    void getListsEndpoints() {
        api.on("GET", "/endpoints", json(200, "[{\"sipAddress\":\"sip:pchat@example.com\",\"displayName\":null},"
                + "{\"sipAddress\":\"sip:ocschat@example.com\",\"displayName\":\"Group Chat\"}]"));

        Result result = run("endpoint", "get");

        assertThat(result.outLines()).containsExactly("SIP ADDRESS              DISPLAY NAME",
                "sip:pchat@example.com", "sip:ocschat@example.com  Group Chat");
    }

    @Test
    void removeAddressesTheEndpointBySipAddress() {
        api.on("DELETE", "/endpoints/sip:chat@example.com", empty(204));

        Result result = run("endpoint", "remove", "sip:chat@example.com");

        assertThat(result.exitCode()).as(result.toString() + api.describe()).isZero();
    }
}
