package org.openpchat.chat.sip.xccos;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.commons.io.output.StringBuilderWriter;

/**
 * Writes the server's XCCOS envelopes with StAX: replies to commands, notices, posts. Each gets a
 * fresh envelope id; the reply's {@code <commandid>} echoes the command's seqid and envid.
 */
public final class XccosWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final AtomicLong ENVELOPES = new AtomicLong(System.currentTimeMillis() << 16);

    /** A reply: {@code <rpl id="rpl:NAME">} with commandid, resp and data. */
    public String reply(String commandName, String seqid, String commandEnvid, XccosStatus status, String reason,
            Consumer<Xml> data) {
        return envelope(xml -> {
            xml.start("rpl").attribute("id", "rpl:" + (commandName == null ? "" : commandName)).attribute("seqid", seqid == null ? "1" : seqid);
            xml.start("commandid").attribute("seqid", seqid == null ? "1" : seqid);
            if (commandEnvid != null) {
                xml.attribute("envid", commandEnvid);
            }
            xml.end();
            xml.start("resp").attribute("code", Integer.toString(status.code())).text(status.text(reason)).end();
            xml.start("data");
            if (data != null) {
                data.accept(xml);
            }
            xml.end().end();
        });
    }

    /** An unsolicited notice: {@code <ntc id="ntc:NAME"><data>...</data></ntc>}. */
    public String notice(String name, Consumer<Xml> data) {
        return envelope(xml -> {
            xml.start("ntc").attribute("id", "ntc:" + name).attribute("seqid", "1").start("data");
            data.accept(xml);
            xml.end().end();
        });
    }

    /** A post as members receive it. */
    public String post(String channelUri, String author, String timestamp, long messageId, String text) {
        return envelope(xml -> xml.start("grpchat").attribute("id", "grpchat").attribute("seqid", "1")
                .attribute("chanUri", channelUri).attribute("author", author).attribute("ts", timestamp)
                .attribute("msgid", Long.toString(messageId))
                .start("chat").text(text).end().end());
    }

    String envelope(Consumer<Xml> content) {
        // not StringWriter: its StringBuffer takes a lock for each of the pieces StAX writes (a
        // join's answer naming a thousand people is tens of thousands of them)
        StringBuilderWriter out = new StringBuilderWriter(512);
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out);
            Xml xml = new Xml(writer);
            xml.start("xccos").attribute("ver", "1").attribute("envid", Long.toString(ENVELOPES.incrementAndGet()))
                    .defaultNamespace(XccosParser.NAMESPACE);
            content.accept(xml);
            xml.end();
            writer.flush();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XCCOS", e);
        }
        return out.toString();
    }

    /** A small fluent face over {@link XMLStreamWriter}; escaping is StAX's. */
    public static final class Xml {
        private final XMLStreamWriter writer;

        Xml(XMLStreamWriter writer) {
            this.writer = writer;
        }

        @FunctionalInterface
        private interface Write {
            void to(XMLStreamWriter writer) throws XMLStreamException;
        }

        private Xml write(Write step) {
            try {
                step.to(writer);
            } catch (XMLStreamException e) {
                throw new IllegalStateException("cannot write XCCOS", e);
            }
            return this;
        }

        public Xml start(String name) {
            return write(w -> w.writeStartElement(name));
        }

        /**
         * Null values are left out. Values are cleaned like text: an XML 1.1 body may carry
         * control characters (as character references) that the reply must not echo into XML 1.0.
         */
        public Xml attribute(String name, String value) {
            return value == null ? this : write(w -> w.writeAttribute(name, XmlText.printable(value)));
        }

        Xml defaultNamespace(String uri) {
            return write(w -> w.writeDefaultNamespace(uri));
        }

        public Xml text(String text) {
            return write(w -> w.writeCharacters(text == null ? "" : XmlText.printable(text)));
        }

        public Xml end() {
            return write(XMLStreamWriter::writeEndElement);
        }

        /** An element with attributes given as name, value pairs and no content. */
        public Xml empty(String name, String... attributePairs) {
            start(name);
            for (int i = 0; i + 1 < attributePairs.length; i += 2) {
                attribute(attributePairs[i], attributePairs[i + 1]);
            }
            return end();
        }
    }
}
