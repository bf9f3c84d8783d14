package org.openpchat.sip.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipServletTest {

    private final List<String> calls = new ArrayList<>();
    private final List<Integer> sent = new ArrayList<>();

    private final SipServlet servlet = new SipServlet() {
        @Override
        protected void doInfo(SipServletRequest request) {
            calls.add("info");
        }

        @Override
        protected void doSuccessResponse(SipServletResponse response) {
            calls.add("success " + response.getStatus());
        }

        @Override
        protected void doErrorResponse(SipServletResponse response) {
            calls.add("error " + response.getStatus());
        }
    };

    @Test
    void requestsGoToTheirMethodsHandler() {
        servlet.service(request("INFO"), null);
        assertThat(calls).containsExactly("info");
        assertThat(sent).isEmpty();
    }

    @Test
    void unhandledRequestsAreAnswered405() {
        servlet.service(request("SUBSCRIBE"), null);
        servlet.service(request("FOO"), null);
        assertThat(sent).containsExactly(405, 405);
    }

    @Test
    void ackAndCancelNeedNoAnswer() {
        servlet.service(request("ACK"), null);
        servlet.service(request("CANCEL"), null);
        assertThat(sent).isEmpty();
    }

    @Test
    void responsesGoByStatusClass() {
        servlet.service(null, response(200));
        servlet.service(null, response(481));
        servlet.service(null, response(180));
        assertThat(calls).containsExactly("success 200", "error 481");
    }

    private SipServletRequest request(String method) {
        return (SipServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SipServletRequest.class}, (proxy, call, args) -> switch (call.getName()) {
                    case "getMethod" -> method;
                    case "isCommitted" -> false;
                    case "createResponse" -> response((Integer) args[0]);
                    default -> null;
                });
    }

    private SipServletResponse response(int status) {
        return (SipServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SipServletResponse.class}, (proxy, call, args) -> switch (call.getName()) {
                    case "getStatus" -> status;
                    case "send" -> {
                        sent.add(status);
                        yield null;
                    }
                    default -> null;
                });
    }
}
