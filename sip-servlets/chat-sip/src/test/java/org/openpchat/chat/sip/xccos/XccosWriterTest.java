package org.openpchat.chat.sip.xccos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XccosWriterTest {

    private final XccosWriter writer = new XccosWriter();
    private final XccosParser parser = new XccosParser();

    @Test
    void replyEchoesTheCommandAndCarriesCodeAndData() {
        String xml = writer.reply("join", "7", "4242", XccosStatus.OK, null,
                data -> data.empty("uib", "id", "0", "uri", "sip:alice@example.com"));

        assertThat(xml).startsWith("<xccos ver=\"1\" envid=\"").contains("xmlns=\"urn:parlano:xml:ns:xccos\"");
        XccosElement reply = parser.parse(xml).elements().get(0);
        assertThat(reply.id()).isEqualTo("rpl:join");
        assertThat(reply.node().child("commandid").attribute("seqid")).isEqualTo("7");
        assertThat(reply.node().child("commandid").attribute("envid")).isEqualTo("4242");
        assertThat(reply.node().child("resp").attribute("code")).isEqualTo("200");
        assertThat(reply.node().child("resp").text()).isEqualTo("SUCCESS_OK");
        assertThat(reply.data().child("uib").attribute("uri")).isEqualTo("sip:alice@example.com");
    }

    @Test
    void refusalTextNamesTheLabelAndTheReason() {
        XccosElement reply = parser.parse(writer.reply("join", "1", null, XccosStatus.NOT_FOUND, "no such room: x",
                null)).elements().get(0);

        assertThat(reply.node().child("resp").attribute("code")).isEqualTo("404");
        assertThat(reply.node().child("resp").text()).isEqualTo("ERR_NOT_FOUND: no such room: x");
    }

    @Test
    void postTextIsEscapedAndControlCharactersDropped() {
        String xml = writer.post("ma-chan://example.com/r", "sip:a@example.com", "2026-01-01T00:00:00.000Z", 5,
                "1 < 2 & \u0001ok");

        XccosElement post = parser.parse(xml).elements().get(0);
        assertThat(post.node().child("chat").text()).isEqualTo("1 < 2 & ok");
        assertThat(post.node().attribute("msgid")).isEqualTo("5");
    }

    @Test
    void controlCharactersAreDroppedFromAttributesToo() {
        // an XML 1.1 command may say seqid="&#1;7": the reply must still be XML 1.0
        XccosEnvelope command = parser.parse("<?xml version=\"1.1\"?><xccos envid=\"&#2;1\">"
                + "<cmd id=\"cmd:requri\" seqid=\"&#1;7\"/></xccos>");
        String xml = writer.reply("requri", command.elements().get(0).seqid(), command.envid(), XccosStatus.OK, null,
                data -> data.empty("pref", "content", "a\u001fb"));

        XccosElement reply = parser.parse(xml).elements().get(0);
        assertThat(reply.seqid()).isEqualTo("7");
        assertThat(reply.node().child("commandid").attribute("envid")).isEqualTo("1");
        assertThat(reply.data().child("pref").attribute("content")).isEqualTo("ab");
    }

    @Test
    void everyEnvelopeHasItsOwnId() {
        String first = parser.parse(writer.notice("join", data -> { })).envid();
        String second = parser.parse(writer.notice("join", data -> { })).envid();

        assertThat(first).isNotEqualTo(second);
    }
}
