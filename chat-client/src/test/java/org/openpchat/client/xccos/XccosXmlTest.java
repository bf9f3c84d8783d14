package org.openpchat.client.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building and parsing XCCOS documents (no server). */
class XccosXmlTest {

    private static final String CHAN = "ma-chan://example.com/11111111-2222-3333-4444-555555555555";

    @Test
    void buildsACommandLikeSipe() {
        assertThat(XccosXml.command("42", "join", "7", XccosXml.chanid(0, CHAN))).isEqualTo(
                "<xccos ver=\"1\" envid=\"42\" xmlns=\"urn:parlano:xml:ns:xccos\"><cmd id=\"cmd:join\" seqid=\"7\">"
                        + "<data><chanid key=\"0\" domain=\"example.com\" value=\"11111111-2222-3333-4444-555555555555\"/>"
                        + "</data></cmd></xccos>");
        assertThat(XccosXml.command("1", "requri", "1", "")).contains("<cmd id=\"cmd:requri\" seqid=\"1\"><data/></cmd>");
    }

    @Test
    void buildsAndParsesAPostWithEscapedText() {
        String xml = XccosXml.grpchat("9", "3", CHAN, "sip:alice@example.com", "2026-11-26T17:49:22Z",
                "hello <world> & \"friends\"");
        assertThat(xml).contains("<chat>hello &lt;world&gt; &amp; &quot;friends&quot;</chat>");
        Xccos.Envelope env = XccosXml.parse(xml);
        assertThat(env.ver()).isEqualTo("1");
        assertThat(env.envid()).isEqualTo("9");
        Xccos.GrpChat g = env.items(Xccos.GrpChat.class).get(0);
        assertThat(g.chanUri()).isEqualTo(CHAN);
        assertThat(g.author()).isEqualTo("sip:alice@example.com");
        assertThat(g.ts()).isEqualTo("2026-11-26T17:49:22Z");
        assertThat(g.seqid()).isEqualTo("3");
        assertThat(g.text()).isEqualTo("hello <world> & \"friends\"");
    }

    @Test
    void parsesTheCommandsItBuilds() {
        Xccos.Command c = XccosXml.parse(XccosXml.command("5", "bccontext", "2",
                XccosXml.chanib(CHAN) + "<bcq><last cnt=\"25\"/></bcq>")).items(Xccos.Command.class).get(0);
        assertThat(c.name()).isEqualTo("bccontext");
        assertThat(c.seqid()).isEqualTo("2");
        assertThat(c.data().child("chanib").orElseThrow().attr("uri")).isEqualTo(CHAN);
        assertThat(c.data().child("bcq").flatMap(b -> b.child("last")).orElseThrow().attr("cnt")).isEqualTo("25");
    }

    @Test
    void parsesAJoinReply() {
        String xml = "<xccos ver=\"1\" envid=\"7962449779256945056\" xmlns=\"urn:parlano:xml:ns:xccos\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><rpl id=\"rpl:join\" seqid=\"4\">"
                + "<commandid seqid=\"4\" envid=\"123\"/><resp code=\"200\">SUCCESS_OK</resp><data>"
                + "<uib id=\"0\" uri=\"sip:alice@example.com\"/><uib id=\"1\" uri=\"sip:bob@example.com\"/>"
                + "<chanib uri=\"" + CHAN + "\" name=\"General\" description=\"d\" topic=\"Welcome\">"
                + "<aib key=\"3984\" value=\"0,1\"/><aib key=\"12276\" value=\"1\"/></chanib></data></rpl></xccos>";
        Xccos.Envelope env = XccosXml.parse(xml);
        assertThat(env.envid()).isEqualTo("7962449779256945056");
        Xccos.Reply r = env.items(Xccos.Reply.class).get(0);
        assertThat(r.name()).isEqualTo("join");
        assertThat(r.ok()).isTrue();
        assertThat(r.seqid()).isEqualTo("4");
        assertThat(r.commandSeqid()).isEqualTo("4");
        assertThat(r.commandEnvid()).isEqualTo("123");
        assertThat(r.text()).isEqualTo("SUCCESS_OK");
        assertThat(r.users()).extracting(Xccos.User::uri).containsExactly("sip:alice@example.com",
                "sip:bob@example.com");
        Xccos.Channel ch = r.channels().get(0);
        assertThat(ch.name()).isEqualTo("General");
        assertThat(ch.topic()).isEqualTo("Welcome");
        assertThat(ch.uid()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(ch.aib("3984")).containsExactly("0", "1");
        assertThat(ch.aib("12276")).containsExactly("1");
        assertThat(ch.aib("999")).isEmpty();
    }

    @Test
    void parsesErrorsFailuresAndMissingResp() {
        String xml = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<rpl id=\"rpl:bjoin\" seqid=\"1\"><commandid seqid=\"1\" envid=\"2\"/><resp code=\"200\">SUCCESS_OK"
                + "</resp><data><fib key=\"OPERATION_FAILED\" value=\"abc\" domain=\"example.com\"/></data></rpl>"
                + "<rpl id=\"rpl:join\" seqid=\"2\"><commandid seqid=\"2\" envid=\"3\"/>"
                + "<resp code=\"404\">ERR_NOT_FOUND: no such room</resp><data/></rpl>"
                + "<rpl id=\"rpl:x\" seqid=\"3\"/></xccos>";
        List<Xccos.Reply> r = XccosXml.parse(xml).items(Xccos.Reply.class);
        assertThat(r.get(0).failures()).containsExactly(new Xccos.Failure("OPERATION_FAILED", "abc", "example.com"));
        assertThat(r.get(1).code()).isEqualTo(404);
        assertThat(r.get(1).text()).startsWith("ERR_NOT_FOUND");
        assertThat(r.get(2).code()).isEqualTo(500);
        assertThat(r.get(2).commandEnvid()).isNull();
    }

    @Test
    void parsesHistorySearchAndServerInfo() {
        String xml = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<rpl id=\"rpl:bccontext\" seqid=\"1\"><commandid seqid=\"1\" envid=\"1\"/><resp code=\"200\">"
                + "SUCCESS_OK</resp><data><chanib uri=\"" + CHAN + "\">"
                + "<msg id=\"grpchat\" chanUri=\"" + CHAN + "\" author=\"sip:bob@example.com\" ts=\"2020-01-01T10:00:00Z\""
                + " msgid=\"1\"><chat>one</chat></msg><msg id=\"grpchat\" chanUri=\"" + CHAN + "\""
                + " author=\"sip:bob@example.com\" ts=\"2020-01-01T10:00:01Z\" msgid=\"2\"><chat>two &amp; more</chat>"
                + "</msg></chanib></data></rpl>"
                + "<rpl id=\"rpl:chansrch\" seqid=\"2\"><commandid seqid=\"2\" envid=\"2\"/><resp code=\"200\">"
                + "SUCCESS_OK</resp><data><chanib name=\"Lobby\" description=\"\" uri=\"" + CHAN + "\">"
                + "<info id=\"urn:parlano:ma:info:ucnt\">2</info>"
                + "<info id=\"urn:parlano:ma:info:visibilty\">public</info>"
                + "<prop id=\"urn:parlano:ma:prop:filepost\">false</prop>"
                + "<prop id=\"urn:parlano:ma:prop:logged\">true</prop></chanib></data></rpl>"
                + "<rpl id=\"rpl:getserverinfo\" seqid=\"3\"><commandid seqid=\"3\" envid=\"3\"/><resp code=\"200\">"
                + "SUCCESS_OK</resp><data><sib infoType=\"123\" searchLimit=\"999\" messageSizeLimit=\"512\"/></data>"
                + "</rpl></xccos>";
        List<Xccos.Reply> r = XccosXml.parse(xml).items(Xccos.Reply.class);
        assertThat(r.get(0).history()).extracting(Xccos.HistoryMessage::text).containsExactly("one", "two & more");
        assertThat(r.get(0).history().get(1).msgid()).isEqualTo("2");
        Xccos.Channel lobby = r.get(1).channels().get(0);
        assertThat(lobby.info("ucnt")).isEqualTo("2");
        assertThat(lobby.info("visibilty")).isEqualTo("public");
        assertThat(lobby.prop("filepost")).isEqualTo("false");
        assertThat(lobby.prop("logged")).isEqualTo("true");
        assertThat(r.get(2).serverInfo()).containsEntry("searchLimit", "999").containsEntry("messageSizeLimit", "512");
    }

    @Test
    void parsesNotices() {
        String xml = "<xccos ver=\"1\" envid=\"1\" xmlns=\"urn:parlano:xml:ns:xccos\"><ntc id=\"ntc:join\"><data>"
                + "<uib uri=\"sip:carol@example.com\"><aib key=\"3984\" domain=\"example.com\" value=\"u1\"/></uib>"
                + "</data></ntc><ntc id=\"ntc:part\"><data><chanib uri=\"" + CHAN + "\"><uib uri=\"sip:bob@example.com\"/>"
                + "</chanib></data></ntc></xccos>";
        List<Xccos.Notice> n = XccosXml.parse(xml).items(Xccos.Notice.class);
        assertThat(n.get(0).name()).isEqualTo("join");
        assertThat(n.get(0).users().get(0).aibs()).containsExactly(new Xccos.Aib("3984", "example.com", "u1"));
        assertThat(n.get(1).channels().get(0).users()).extracting(Xccos.User::uri)
                .containsExactly("sip:bob@example.com");
    }

    @Test
    void prefixesAreDropped() {
        Xccos.Envelope env = XccosXml.parse("<x:xccos xmlns:x=\"urn:parlano:xml:ns:xccos\" x:ver=\"1\" envid=\"3\">"
                + "<x:ntc id=\"ntc:part\"><x:data/></x:ntc></x:xccos>");
        assertThat(env.ver()).isEqualTo("1");
        assertThat(env.items(Xccos.Notice.class)).hasSize(1);
    }

    @Test
    void refusesDtdsEntitiesAndOtherRoots() {
        assertThatThrownBy(() -> XccosXml.parse("<!DOCTYPE xccos [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<xccos ver=\"1\" envid=\"1\">&x;</xccos>")).isInstanceOf(XccosXml.XccosParseException.class);
        assertThatThrownBy(() -> XccosXml.parse("<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]>"
                + "<xccos>&lol2;</xccos>")).isInstanceOf(XccosXml.XccosParseException.class);
        assertThatThrownBy(() -> XccosXml.parse("<xccos ver=\"1\"><cmd></xccos>"))
                .isInstanceOf(XccosXml.XccosParseException.class);
        assertThatThrownBy(() -> XccosXml.parse("<other/>")).isInstanceOf(XccosXml.XccosParseException.class)
                .hasMessageContaining("not <xccos>");
        assertThatThrownBy(() -> XccosXml.parse("")).isInstanceOf(XccosXml.XccosParseException.class);
        assertThatThrownBy(() -> XccosXml.parse("<xccos ver=\"1\"/><xccos ver=\"2\"/>"))
                .isInstanceOf(XccosXml.XccosParseException.class);
        assertThatThrownBy(() -> XccosXml.parse("<xccos ver=\"1\">\u0001</xccos>"))
                .isInstanceOf(XccosXml.XccosParseException.class);
    }

    @Test
    void elementsNestedDeeperThanSixtyFourAreRefused() {
        String deepest = "<xccos>" + "<a>".repeat(63) + "</a>".repeat(63) + "</xccos>";
        String deeper = "<xccos>" + "<a>".repeat(64) + "</a>".repeat(64) + "</xccos>";

        assertThat(XccosXml.parse(deepest).items()).hasSize(1);
        assertThatThrownBy(() -> XccosXml.parse(deeper)).isInstanceOf(XccosXml.XccosParseException.class)
                .hasMessageContaining("deeper than 64");
    }

    @Test
    void textKeepsItsEntitiesCdataAndSplitPiecesButNotComments() {
        XmlElement chat = XccosXml.parseElement("<chat a=\"x&amp;y\">1 &lt; 2<!-- no --><![CDATA[ & <3]]>&#233;</chat>");

        assertThat(chat.text()).isEqualTo("1 < 2 & <3\u00e9");
        assertThat(chat.attr("a")).isEqualTo("x&y");
    }

    @Test
    void splitsChannelUris() {
        assertThat(XccosXml.roomUid(CHAN)).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(XccosXml.roomDomain(CHAN)).isEqualTo("example.com");
        assertThatThrownBy(() -> XccosXml.roomUid("ma-cat://example.com/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XccosXml.roomUid("ma-chan://example.com/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheProvisioningDocument() {
        String xml = "<provisionGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification\">"
                + "<provisionGroup name=\"persistentChatConfiguration\"><propertyEntryList>"
                + "<property name=\"EnablePersistentChat\">true</property>"
                + "<property name=\"DefaultPersistentChatPoolUri\">sip:pchat@example.com</property>"
                + "</propertyEntryList></provisionGroup></provisionGroupList>";
        assertThat(XccosXml.provisionGroup(xml, "persistentChatConfiguration")).isEqualTo(
                Map.of("EnablePersistentChat", "true", "DefaultPersistentChatPoolUri", "sip:pchat@example.com"));
        assertThat(XccosXml.provisionGroup(xml, "ucPolicy")).isEmpty();
        assertThat(XccosXml.hasProvisionGroup(xml, "persistentChatConfiguration")).isTrue();
    }
}
