package org.openpchat.chat.sip.chat;

import java.util.List;
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
 * <p>
 * Nothing an element does escapes: a failing element is answered with its code and the next
 * one runs. That matters beyond the element's own reply: the SIP container drops everything a
 * delivery sent if the servlet throws, the fan-out of posts the envelope already stored included.
 * <p>
 * An envelope with more commands and posts than the limit ({@link EnvelopeLimit}) is refused as
 * a whole, before anything runs.
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
    private final int commandLimit;

    public CommandDispatcher() {
        this(EnvelopeLimit.configured());
    }

    CommandDispatcher(int commandLimit) {
        this.commandLimit = commandLimit;
    }

    public XccosException dispatch(CommandContext context, XccosEnvelope envelope) {
        List<XccosElement> work = envelope.elements().stream().filter(e -> e.isCommand() || e.isPost()).toList();
        if (work.size() > commandLimit) {
            return refuseEnvelope(context, work);
        }
        XccosException postRefusal = null;
        for (XccosElement element : work) {
            if (element.isCommand()) {
                run(context, element, this::command);
            } else {
                XccosException refusal = run(context, element, posts);
                if (refusal != null) {
                    postRefusal = refusal;
                }
            }
        }
        return postRefusal;
    }

    /**
     * One reply, to the envelope's first element, and the same code for the INFO. 413 rather
     * than 400: the envelope is well formed, only larger than the server is willing to carry
     * out (what 413 means in SIP and HTTP, and what a body above 64 KiB already gets); sent
     * again in smaller envelopes, the same commands succeed.
     */
    private XccosException refuseEnvelope(CommandContext context, List<XccosElement> work) {
        XccosException refusal = new XccosException(XccosStatus.MESSAGE_TOO_LARGE, "the envelope carries "
                + work.size() + " commands and posts; the limit is " + commandLimit + "; none was carried out");
        answer(context, work.get(0), refusal);
        return refusal;
    }

    private void command(CommandContext context, XccosElement command) {
        String name = command.commandName();
        if (name == null || name.isBlank()) {
            throw new XccosException(XccosStatus.BAD_REQUEST, "a command needs an id such as cmd:join");
        }
        CommandHandler handler = COMMANDS.get(name);
        if (handler == null) {
            throw new XccosException(XccosStatus.NOT_IMPLEMENTED, "this server does not know " + command.id());
        }
        handler.handle(context, command);
    }

    /** Runs one element; a failure is answered with its code and returned. */
    private static XccosException run(CommandContext context, XccosElement element, CommandHandler handler) {
        try {
            handler.handle(context, element);
            return null;
        } catch (RuntimeException e) {
            XccosException refusal = refusal(e);
            answer(context, element, refusal);
            return refusal;
        }
    }

    private static void answer(CommandContext context, XccosElement element, XccosException refusal) {
        try {
            context.reply(element, refusal.status(), refusal.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the refusal of " + element.id(), e);
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
