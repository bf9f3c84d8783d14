package org.openpchat.chat.sip.chat;

import java.util.List;
import org.openpchat.chat.sip.facade.InvitationView;
import org.openpchat.chat.sip.xccos.XccosElement;

/** cmd:getinv: the user's pending room invitations. */
final class InvitationCommand implements CommandHandler {

    @Override
    public void handle(CommandContext context, XccosElement command) {
        List<InvitationView> invitations = context.chat().invitations(context.user());
        context.ok(command, xml -> invitations.forEach(invitation -> xml.empty("inv",
                "inviteId", Long.toString(invitation.id()), "chanUri", invitation.roomUri(),
                "name", invitation.roomName())));
    }
}
