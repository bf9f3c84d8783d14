package org.openpchat.chat.sip.xccos;

/**
 * One top-level element of an envelope: {@code cmd}, {@code rpl}, {@code ntc} or {@code grpchat},
 * with its {@code id} ("cmd:join", "grpchat") and {@code seqid}.
 */
public record XccosElement(String kind, String id, String seqid, XmlNode node) {

    public boolean isCommand() {
        return "cmd".equals(kind);
    }

    public boolean isPost() {
        return "grpchat".equals(kind);
    }

    /** The command name without its prefix: "join" for "cmd:join". */
    public String commandName() {
        int colon = id == null ? -1 : id.indexOf(':');
        return colon < 0 ? id : id.substring(colon + 1);
    }

    public XmlNode data() {
        XmlNode data = node.child("data");
        return data != null ? data : new XmlNode("data", java.util.Map.of(), "", java.util.List.of());
    }
}
