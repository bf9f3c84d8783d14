package org.openpchat.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openpchat.cli.testing.FakeApi.Reply.empty;
import static org.openpchat.cli.testing.FakeApi.Reply.json;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openpchat.cli.testing.ApiTest;
import org.openpchat.cli.testing.Cli.Result;

class ComplianceConfigCommandsTest extends ApiTest {

    static final String GLOBAL = """
            {"identity":"global","adapterType":"XmlAdapter","adapterName":"xml","adapterOutputDirectory":"/var/c",\
            "runInterval":"PT15M","purgeAfterProcessing":true}""";

    @Test
    void newSendsEverySetting() {
        api.on("POST", "/compliance-configurations", json(201, GLOBAL));
        Path xslt = file("filter.xsl", "<xsl:stylesheet/>", "rw-r--r--");

        Result result = run("compliance-config", "new", "--identity", "site:Redmond", "--adapter-type", "XmlAdapter",
                "--adapter-name", "xml", "--adapter-output-directory", "/var/c", "--run-interval", "PT1H",
                "--one-chat-room-per-output-file", "--add-chat-room-details", "--add-user-details=false",
                "--create-file-attachments-manifest=false", "--custom-configuration-file", xslt.toString(),
                "--purge-after-processing=false");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("""
                {"identity":"site:Redmond","adapterType":"XmlAdapter","adapterName":"xml",
                 "adapterOutputDirectory":"/var/c","runInterval":"PT1H","oneChatRoomPerOutputFile":true,
                 "addChatRoomDetails":true,"addUserDetails":false,"createFileAttachmentsManifest":false,
                 "customConfiguration":"<xsl:stylesheet/>","purgeAfterProcessing":false}"""));
    }

    @Test
    void setCanTurnTheAdapterOff() {
        api.on("PATCH", "/compliance-configurations/global", json(200, GLOBAL));

        Result result = run("compliance-config", "set", "global", "--adapter-type", "");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEqualTo(object("{\"adapterType\":\"\"}"));
    }

    @Test
    void getListsThem() {
        api.on("GET", "/compliance-configurations", json(200, "[" + GLOBAL + "]"));

        Result result = run("compliance-config", "get");

        assertThat(result.outLines()).containsExactly(
                "IDENTITY  ADAPTER TYPE  ADAPTER NAME  OUTPUT DIRECTORY  RUN INTERVAL  PURGE",
                "global    XmlAdapter    xml           /var/c            PT15M         true");
    }

    @Test
    void runExportsTheGlobalConfigurationByDefault() {
        api.on("POST", "/compliance-configurations/global:run", json(200, "{\"exported\":1234}"));

        Result result = run("compliance-config", "run");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(object(api.single().bodyText())).isEmpty();
        assertThat(result.out()).isEqualTo("exported 1234 events" + System.lineSeparator());
    }

    @Test
    void runNamesAScope() {
        api.on("POST", "/compliance-configurations/site:Redmond:run", json(200, "{\"exported\":0}"));

        assertThat(run("compliance-config", "run", "site:Redmond").exitCode()).isZero();
    }

    @Test
    void pipelineShowsTheCounters() {
        api.on("GET", "/compliance-pipeline", json(200, """
                {"outbox":0,"unprocessed":12,"deadLetters":0,"lastExport":"2026-11-30T12:00:00Z","lastExported":40}"""));

        Result result = run("compliance-config", "pipeline");

        assertThat(result.outLines()).containsExactly("outbox        0", "unprocessed   12", "deadLetters   0",
                "lastExport    2026-11-30T12:00:00Z", "lastExported  40");
    }

    @Test
    void removeResetsGlobal() {
        api.on("DELETE", "/compliance-configurations/global", empty(204));

        assertThat(run("compliance-config", "remove", "global").exitCode()).isZero();
    }
}
