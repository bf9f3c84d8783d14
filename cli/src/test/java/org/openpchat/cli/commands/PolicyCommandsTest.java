package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class PolicyCommandsTest extends ApiTest {

    static final String PILOT = "{\"identity\":\"tag:Pilot\",\"enablePersistentChat\":true,\"description\":\"pilot\"}";

    @Test
    void newCreatesATagPolicy() {
        api.on("POST", "/policies", json(201, PILOT));

        Result result = run("policy", "new", "--identity", "tag:Pilot", "--enable-persistent-chat",
                "--description", "pilot");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object(PILOT));
    }

    @Test
    void getAddressesAPolicyByIdentity() {
        api.on("GET", "/policies/site:Redmond", json(200, PILOT));

        Result result = run("policy", "get", "site:Redmond");

        assertThat(result.exitCode()).as(result.toString() + api.describe()).isZero();
    }

    @Test
    void getListsPolicies() {
        api.on("GET", "/policies", json(200, "[{\"identity\":\"global\",\"enablePersistentChat\":true},"
                + PILOT + "]"));

        Result result = run("policy", "get");

        assertThat(result.outLines()).containsExactly("IDENTITY   ENABLED  DESCRIPTION", "global     true",
                "tag:Pilot  true     pilot");
    }

    @Test
    void setDisables() {
        api.on("PATCH", "/policies/global", json(200, PILOT));

        Result result = run("policy", "set", "global", "--enable-persistent-chat=false");

        assertThat(result.exitCode()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"enablePersistentChat\":false}"));
    }

    @Test
    void removeResetsOrDeletes() {
        api.on("DELETE", "/policies/tag:Pilot", empty(204));

        Result result = run("policy", "remove", "tag:Pilot");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("removed policy tag:Pilot" + System.lineSeparator());
    }

    @Test
    void grantPutsThePolicyNameOnTheUser() {
        api.on("PUT", "/users/sip:bob@example.com/policy", json(200, "{\"uri\":\"sip:bob@example.com\",\"policy\":\"Pilot\"}"));

        Result result = run("policy", "grant", "sip:bob@example.com", "--policy", "Pilot");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.single().method()).isEqualTo("PUT");
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"policyName\":\"Pilot\"}"));
        assertThat(result.out()).isEqualTo("granted Pilot to sip:bob@example.com" + System.lineSeparator());
    }

    @Test
    void grantNoneSendsNull() {
        api.on("PUT", "/users/sip:bob@example.com/policy", empty(204));

        Result result = run("policy", "grant", "sip:bob@example.com", "--none");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"policyName\":null}"));
    }

    @Test
    void grantNeedsExactlyOneOfPolicyAndNone() {
        assertThat(run("policy", "grant", "sip:bob@example.com").exitCode()).isEqualTo(2);
        assertThat(run("policy", "grant", "sip:bob@example.com", "--policy", "Pilot", "--none").exitCode()).isEqualTo(2);
        assertThat(api.requests()).isEmpty();
    }
}
