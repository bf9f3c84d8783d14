package org.openpchat.chat.sip.chat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;
import org.openpchat.sip.servlet.SipSession;

/**
 * A request in a SIP session of a given id that records the responses created for it: their
 * status, reason phrase and headers, and whether they were sent. Nothing else of the request
 * works.
 */
final class AnsweredRequest {

    /** A response created for the request. */
    static final class Answer {
        final int status;
        final String reason;
        final Map<String, String> headers = new LinkedHashMap<>();
        boolean sent;

        Answer(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return status + " " + reason + " " + headers + (sent ? "" : " (not sent)");
        }
    }

    final List<Answer> answers = new ArrayList<>();
    private final SipServletRequest request;

    AnsweredRequest(String sessionId) {
        SipSession session = fake(SipSession.class, (name, args) -> switch (name) {
            case "getId" -> sessionId;
            default -> throw new UnsupportedOperationException(name);
        });
        request = fake(SipServletRequest.class, (name, args) -> switch (name) {
            case "getSession" -> session;
            case "createResponse" -> response(new Answer((Integer) args[0], args.length > 1 ? (String) args[1] : null));
            default -> throw new UnsupportedOperationException(name);
        });
    }

    SipServletRequest request() {
        return request;
    }

    private SipServletResponse response(Answer answer) {
        answers.add(answer);
        return fake(SipServletResponse.class, (name, args) -> switch (name) {
            case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
            case "send" -> answer.sent = true;
            default -> throw new UnsupportedOperationException(name);
        });
    }

    interface Behaviour {
        Object call(String method, Object[] args);
    }

    static <T> T fake(Class<T> type, Behaviour behaviour) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> behaviour.call(method.getName(), args == null ? new Object[0] : args);
                }));
    }
}
