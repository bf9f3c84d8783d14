package org.openpchat.chat.sip.chat;

import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;
import org.openpchat.chat.sip.xccos.XmlNode;

/** Channel (room) URIs as XCCOS carries them: {@code ma-chan://<domain>/<id>}, or split in a chanid. */
final class Channels {

    static final String SCHEME = "ma-chan://";

    private Channels() {
    }

    /** {@code <chanid domain=".." value=".."/>}. */
    static String fromChanid(XmlNode chanid) {
        return uri(chanid.requiredAttribute("domain") + "/" + chanid.requiredAttribute("value"));
    }

    /** An element carrying the channel in a {@code uri} (or {@code chanUri}) attribute. */
    static String fromUriAttribute(XmlNode node, String attribute) {
        String uri = node.requiredAttribute(attribute);
        if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "not a channel URI: " + uri);
        }
        return uri(uri.substring(SCHEME.length()));
    }

    private static String uri(String domainAndId) {
        int slash = domainAndId.indexOf('/');
        if (slash <= 0 || slash == domainAndId.length() - 1 || domainAndId.indexOf('/', slash + 1) >= 0) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "not a channel URI: " + SCHEME + domainAndId);
        }
        return SCHEME + domainAndId.substring(0, slash).toLowerCase(java.util.Locale.ROOT) + domainAndId.substring(slash);
    }
}
