package org.openpchat.chat.sip.chat;

import java.time.Instant;
import org.openpchat.chat.sip.facade.ServerInfo;
import org.openpchat.chat.sip.xccos.XccosElement;

/** cmd:requri (the Lookup step: this server is its own chat pool) and cmd:getserverinfo. */
final class LookupCommands {

    private LookupCommands() {
    }

    static void requestUri(CommandContext context, XccosElement command) {
        context.ok(command, xml -> xml.empty("uib", "uri", context.chat().poolUri()));
    }

    static void serverInfo(CommandContext context, XccosElement command) {
        ServerInfo info = context.chat().serverInfo();
        String infoType = command.data().child("sib") == null ? null : command.data().child("sib").attribute("infoType");
        context.ok(command, xml -> xml.empty("sib", "infoType", infoType == null ? "123" : infoType,
                "serverTime", Timestamps.format(Instant.now()),
                "searchLimit", Integer.toString(info.searchLimit()),
                "messageSizeLimit", Integer.toString(info.messageSizeLimit()),
                "storySizeLimit", Integer.toString(info.storySizeLimit()),
                "rootUri", info.rootUri(),
                "dbVersion", info.dbVersion()));
    }
}
