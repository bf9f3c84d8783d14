package org.openpchat.chat.sip.chat;

import java.util.ArrayList;
import java.util.List;
import org.openpchat.chat.sip.facade.PreferenceView;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XmlNode;

/**
 * cmd:getpref and cmd:setpref: a per-user store of opaque values under labels. The reply's
 * {@code seqid} is the value's sequence number, raised by every write; the client's seqid is
 * not used for concurrency control (its meaning is not established), so the last write wins.
 */
final class PreferenceCommands {

    private PreferenceCommands() {
    }

    static void get(CommandContext context, XccosElement command) {
        List<PreferenceView> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (XmlNode pref : requests(command)) {
            String label = pref.requiredAttribute("label");
            PreferenceView value = context.chat().preference(context.user(), label,
                    "true".equalsIgnoreCase(pref.attribute("createdefault")));
            if (value == null) {
                missing.add(label);
            } else {
                found.add(value);
            }
        }
        context.ok(command, xml -> {
            found.forEach(value -> xml.empty("pref", "label", value.label(), "seqid", Long.toString(value.sequence()),
                    "content", value.content()));
            missing.forEach(label -> xml.empty("pref", "label", label, "seqid", "0"));
        });
    }

    static void set(CommandContext context, XccosElement command) {
        List<PreferenceView> written = new ArrayList<>();
        for (XmlNode pref : requests(command)) {
            String content = pref.attribute("content");
            written.add(context.chat().setPreference(context.user(), pref.requiredAttribute("label"),
                    content == null ? pref.text() : content));
        }
        context.ok(command, xml -> written.forEach(value -> xml.empty("pref", "label", value.label(),
                "seqid", Long.toString(value.sequence()))));
    }

    private static List<XmlNode> requests(XccosElement command) {
        List<XmlNode> prefs = CommandBounds.atMost(command.data().children("pref"),
                CommandBounds.PREFERENCES_PER_COMMAND, "preferences");
        if (prefs.isEmpty()) {
            command.data().requiredChild("pref");
        }
        return prefs;
    }
}
