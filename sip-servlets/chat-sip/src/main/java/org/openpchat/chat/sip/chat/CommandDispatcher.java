package org.openpchat.chat.sip.chat;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openpchat.chat.domain.shared.DomainException;
import org.openpchat.chat.sip.xccos.XccosElement;
import org.openpchat.chat.sip.xccos.XccosEnvelope;
import org.openpchat.chat.sip.xccos.XccosException;
import org.openpchat.chat.sip.xccos.XccosStatus;

/**
 * Runs the elements of one client envelope: commands get a reply each (a refusal is a reply
 * with its code), posts are delivered to the room. Returns the refusal of a post, if any, for
 * the SIP answer: clients report a post as undelivered only from a non-200 INFO response.
 */
public final class CommandDispatcher {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());

    private static final Map<String, CommandHandler> COMMANDS = Map.of(
            "requri", LookupCommands::requestUri,
            "getserverinfo", LookupCommands::serverInfo,
            "chansrch", new RoomDirectoryCommand(),
            "join", MembershipCommands::join,
            "bjoin", MembershipCommands::batchJoin,
            "part", MembershipCommands::part,
            "bccontext", new HistoryCommand(),
            "getinv", new InvitationCommand(),
            "getpref", PreferenceCommands::get,
            "setpref", PreferenceCommands::set);

    private final PostCommand posts = new PostCommand();

    public XccosException dispatch(CommandContext context, XccosEnvelope envelope) {
        XccosException postRefusal = null;
        for (XccosElement element : envelope.elements()) {
            if (element.isCommand()) {
                command(context, element);
            } else if (element.isPost()) {
                XccosException refusal = post(context, element);
                if (refusal != null) {
                    postRefusal = refusal;
                }
            }
        }
        return postRefusal;
    }

    private void command(CommandContext context, XccosElement command) {
        String name = command.commandName();
        CommandHandler handler = name == null ? null : COMMANDS.get(name);
        try {
            if (name == null || name.isBlank()) {
                throw new XccosException(XccosStatus.BAD_REQUEST, "a command needs an id such as cmd:join");
            }
            if (handler == null) {
                throw new XccosException(XccosStatus.NOT_IMPLEMENTED, "this server does not know " + command.id());
            }
            handler.handle(context, command);
        } catch (RuntimeException e) {
            XccosException refusal = refusal(e);
            context.reply(command, refusal.status(), refusal.getMessage(), null);
        }
    }

    private XccosException post(CommandContext context, XccosElement post) {
        try {
            posts.handle(context, post);
            return null;
        } catch (RuntimeException e) {
            XccosException refusal = refusal(e);
            context.reply(post, refusal.status(), refusal.getMessage(), null);
            return refusal;
        }
    }

    static XccosException refusal(RuntimeException e) {
        if (e instanceof XccosException xccos) {
            return xccos;
        }
        DomainException domain = domainCause(e);
        if (domain != null) {
            XccosStatus status = switch (domain.reason()) {
                case NOT_FOUND -> XccosStatus.NOT_FOUND;
                case FORBIDDEN -> XccosStatus.NOT_ALLOWED;
                case DISABLED -> XccosStatus.ROOM_DISABLED;
                case CONFLICT, INVALID -> XccosStatus.BAD_REQUEST;
            };
            return new XccosException(status, domain.getMessage());
        }
        LOG.log(Level.WARNING, "XCCOS command failed", e);
        return new XccosException(XccosStatus.SERVER_ERROR, "the server could not carry out the command");
    }

    private static DomainException domainCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return domain;
            }
        }
        return null;
    }
}
