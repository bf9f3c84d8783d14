package org.openpchat.chat.sip.xccos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class XccosParserTest {

    private final XccosParser parser = new XccosParser();

    @Test
    void readsSipeJoinCommand() {
        XccosEnvelope envelope = parser.parse("<xccos ver=\"1\" envid=\"3735928559\" xmlns=\"urn:parlano:xml:ns:xccos\">"
                + "<cmd id=\"cmd:join\" seqid=\"1\"><data><chanid key=\"0\" domain=\"example.com\" value=\"abc\"/>"
                + "</data></cmd></xccos>");

        assertThat(envelope.envid()).isEqualTo("3735928559");
        XccosElement command = envelope.elements().get(0);
        assertThat(command.isCommand()).isTrue();
        assertThat(command.commandName()).isEqualTo("join");
        assertThat(command.seqid()).isEqualTo("1");
        assertThat(command.data().child("chanid").attribute("VALUE")).isEqualTo("abc");
    }

    @Test
    void readsPostTextUnescaped() {
        XccosEnvelope envelope = parser.parse("<xccos ver=\"1\" envid=\"1\"><grpchat id=\"grpchat\" seqid=\"1\" "
                + "chanUri=\"ma-chan://example.com/r\" author=\"sip:a@example.com\"><chat>a &lt;b&gt; &amp; c</chat>"
                + "</grpchat></xccos>");

        XccosElement post = envelope.elements().get(0);
        assertThat(post.isPost()).isTrue();
        assertThat(post.node().child("chat").text()).isEqualTo("a <b> & c");
    }

    @Test
    void refusesDoctypesAndEntities() {
        assertThatThrownBy(() -> parser.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<xccos><cmd id=\"cmd:x\"><data>&e;</data></cmd></xccos>"))
                .isInstanceOf(MalformedXccosException.class);
    }

    @Test
    void refusesWhatTheReaderFailsOnUnchecked() {
        // the JDK's reader throws MissingResourceException here (XccosParserFuzzTest's first finding)
        assertThatThrownBy(() -> parser.parse("<!DOCTYPE xccos [<!ENTITY e \"x\u0001\">]><xccos/>"))
                .isInstanceOf(MalformedXccosException.class).hasMessageStartingWith("not well-formed XML");
    }

    @Test
    void refusesOtherRootsBrokenXmlAndOversizedBodies() {
        assertThatThrownBy(() -> parser.parse("<html/>")).isInstanceOf(MalformedXccosException.class)
                .hasMessageContaining("root");
        assertThatThrownBy(() -> parser.parse("<xccos><cmd></xccos>")).isInstanceOf(MalformedXccosException.class);
        assertThatThrownBy(() -> parser.parse("")).isInstanceOf(MalformedXccosException.class);
        assertThatThrownBy(() -> parser.parse("<xccos>" + "x".repeat(XccosParser.MAX_CHARACTERS) + "</xccos>"))
                .isInstanceOf(MalformedXccosException.class).hasMessageContaining("body above");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<a>".repeat(XccosParser.MAX_DEPTH + 1) + "</a>".repeat(XccosParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> parser.parse("<xccos>" + deep + "</xccos>"))
                .isInstanceOf(MalformedXccosException.class).hasMessageContaining("deeper");
    }

    @Test
    void missingAttributesAreTheClientsError() {
        XmlNode chanid = parser.parse("<xccos><cmd id=\"cmd:join\"><data><chanid key=\"0\"/></data></cmd></xccos>")
                .elements().get(0).data().child("chanid");

        assertThatThrownBy(() -> chanid.requiredAttribute("value")).isInstanceOfSatisfying(XccosException.class,
                e -> assertThat(e.status()).isEqualTo(XccosStatus.BAD_REQUEST));
    }
}
