package org.openpchat.client.xccos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The XCCOS messages and the pieces of their {@code <data>} as small records. */
public final class Xccos {

    public static final String NS = "urn:parlano:xml:ns:xccos";

    private Xccos() {
    }

    /** One {@code <xccos>} document: version, envelope id and its elements in order. */
    public record Envelope(String ver, String envid, List<Item> items) {

        public Envelope {
            items = List.copyOf(items);
        }

        public <T extends Item> List<T> items(Class<T> type) {
            return items.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /** An element directly under {@code <xccos>}. */
    public sealed interface Item permits Command, Reply, Notice, GrpChat, Unknown {
    }

    /** {@code <cmd id="cmd:x" seqid>}: client to server. */
    public record Command(String id, String seqid, XmlElement data) implements Item {

        public String name() {
            return id.startsWith("cmd:") ? id.substring(4) : id;
        }
    }

    /**
     * {@code <rpl id="rpl:x" seqid>} with {@code <commandid seqid envid/>}, {@code <resp code>TEXT</resp>}
     * and {@code <data>}. {@code code} is 500 when {@code <resp>} is missing (as SIPE counts it).
     */
    public record Reply(String id, String seqid, String commandSeqid, String commandEnvid, int code, String text,
            XmlElement data) implements Item {

        public String name() {
            return id.startsWith("rpl:") ? id.substring(4) : id;
        }

        public boolean ok() {
            return code == 200;
        }

        public List<User> users() {
            return data.children("uib").stream().map(User::of).toList();
        }

        public List<Channel> channels() {
            return data.children("chanib").stream().map(Channel::of).toList();
        }

        public List<Failure> failures() {
            return data.children("fib").stream().map(Failure::of).toList();
        }

        /** The messages of the first {@code <chanib>} (what SIPE reads from {@code rpl:bccontext}). */
        public List<HistoryMessage> history() {
            return data.child("chanib").map(c -> Channel.of(c).messages()).orElse(List.of());
        }

        /** Attributes of {@code <sib>} ({@code rpl:getserverinfo}). */
        public Map<String, String> serverInfo() {
            return data.child("sib").map(XmlElement::attributes).orElse(Map.of());
        }

        public List<Map<String, String>> invitations() {
            return data.children("inv").stream().map(XmlElement::attributes).toList();
        }

        public List<Preference> preferences() {
            return data.children("pref").stream().map(Preference::of).toList();
        }

        @Override
        public String toString() {
            return id + "[seqid " + seqid + ", for " + commandSeqid + "/" + commandEnvid + ", " + code + " " + text
                    + ", " + data + "]";
        }
    }

    /** {@code <ntc id="ntc:x">}: unsolicited, server to client. */
    public record Notice(String id, XmlElement data) implements Item {

        public String name() {
            return id.startsWith("ntc:") ? id.substring(4) : id;
        }

        public List<User> users() {
            return data.children("uib").stream().map(User::of).toList();
        }

        public List<Channel> channels() {
            return data.children("chanib").stream().map(Channel::of).toList();
        }
    }

    /** {@code <grpchat id="grpchat" seqid chanUri author ts><chat>text</chat></grpchat>}, both ways. */
    public record GrpChat(String seqid, String chanUri, String author, String ts, String text,
            Map<String, String> attributes) implements Item {
    }

    /** Any other element under {@code <xccos>}. */
    public record Unknown(XmlElement element) implements Item {
    }

    // ------------------------------------------------------------------------- data pieces

    /** {@code <uib id uri>} with its {@code <aib>} children (ntc:join). */
    public record User(String id, String uri, List<Aib> aibs) {

        static User of(XmlElement e) {
            return new User(e.attr("id"), e.attr("uri"), e.children("aib").stream().map(Aib::of).toList());
        }
    }

    /** {@code <aib key domain value/>}. */
    public record Aib(String key, String domain, String value) {

        static Aib of(XmlElement e) {
            return new Aib(e.attr("key"), e.attr("domain"), e.attr("value"));
        }

        /** The comma-separated ids of {@code value} (empty value: none). */
        public List<String> values() {
            return value == null || value.isBlank() ? List.of() : List.of(value.split("\\s*,\\s*"));
        }
    }

    /**
     * {@code <chanib uri name description topic>} with its {@code <info id>}, {@code <prop id>},
     * {@code <aib>}, {@code <msg>} and {@code <uib>} children.
     */
    public record Channel(String uri, String name, String description, String topic, Map<String, String> infos,
            Map<String, String> props, List<Aib> aibs, List<HistoryMessage> messages, List<User> users) {

        static Channel of(XmlElement e) {
            Map<String, String> infos = new LinkedHashMap<>();
            e.children("info").forEach(i -> infos.put(i.attr("id"), i.text().trim()));
            Map<String, String> props = new LinkedHashMap<>();
            e.children("prop").forEach(p -> props.put(p.attr("id"), p.text().trim()));
            return new Channel(e.attr("uri"), e.attr("name"), e.attr("description"), e.attr("topic"), infos, props,
                    e.children("aib").stream().map(Aib::of).toList(),
                    e.children("msg").stream().map(HistoryMessage::of).toList(),
                    e.children("uib").stream().map(User::of).toList());
        }

        /** The ids listed by the {@code <aib key=...>} of that key (3984 members, 12276 managers). */
        public List<String> aib(String key) {
            return aibs.stream().filter(a -> key.equals(a.key())).findFirst().map(Aib::values).orElse(List.of());
        }

        public String info(String suffix) {
            return infos.get("urn:parlano:ma:info:" + suffix);
        }

        public String prop(String suffix) {
            return props.get("urn:parlano:ma:prop:" + suffix);
        }

        /** The room id: the part of {@code ma-chan://domain/<id>} after the domain. */
        public String uid() {
            return XccosXml.roomUid(uri);
        }
    }

    /** {@code <msg id="grpchat" chanUri author ts msgid><chat>text</chat></msg>} in history. */
    public record HistoryMessage(String id, String chanUri, String author, String ts, String msgid, String text) {

        static HistoryMessage of(XmlElement e) {
            return new HistoryMessage(e.attr("id"), e.attr("chanUri"), e.attr("author"), e.attr("ts"),
                    e.attr("msgid"), e.child("chat").map(XmlElement::text).orElse(null));
        }
    }

    /** {@code <fib key value domain/>}: a failed channel of a batch. */
    public record Failure(String key, String value, String domain) {

        static Failure of(XmlElement e) {
            return new Failure(e.attr("key"), e.attr("value"), e.attr("domain"));
        }
    }

    /** {@code <pref label seqid content/>}. */
    public record Preference(String label, String seqid, String content) {

        static Preference of(XmlElement e) {
            return new Preference(e.attr("label"), e.attr("seqid"), e.attr("content"));
        }
    }
}
