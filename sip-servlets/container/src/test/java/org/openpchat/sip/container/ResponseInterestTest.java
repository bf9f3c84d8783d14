package org.openpchat.sip.container;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpchat.sip.servlet.ServletTimer;
import org.openpchat.sip.servlet.SipServlet;
import org.openpchat.sip.servlet.SipServletEndpoint;
import org.openpchat.sip.servlet.SipServletRequest;
import org.openpchat.sip.servlet.SipServletResponse;

class ResponseInterestTest {

    static class RequestsOnly extends SipServlet {
        @Override
        protected void doInfo(SipServletRequest request) {
        }

        /** Not a response method: a different parameter. */
        protected void doErrorResponse(SipServletRequest request) {
        }
    }

    static class SuccessOnly extends SipServlet {
        @Override
        protected void doSuccessResponse(SipServletResponse response) {
        }
    }

    static class InheritsSuccess extends SuccessOnly {
    }

    static class OwnService extends SipServlet {
        @Override
        public void service(SipServletRequest request, SipServletResponse response) {
        }
    }

    static class AllResponses extends SipServlet {
        @Override
        protected void doResponse(SipServletResponse response) {
        }
    }

    static class Errors extends SipServlet {
        @Override
        protected void doErrorResponse(SipServletResponse response) {
        }
    }

    static class Bare implements SipServletEndpoint {
        @Override
        public void service(SipServletRequest request, SipServletResponse response) {
        }

        @Override
        public void timeout(ServletTimer timer) {
        }
    }

    @Test
    void aServletThatOverridesNoResponseMethodIsNotGivenResponses() {
        assertThat(ResponseInterest.of(RequestsOnly.class)).isFalse();
        assertThat(ResponseInterest.of(SipServlet.class)).isFalse();
    }

    @Test
    void anyResponseMethodOrItsOwnServiceMakesAServletHearResponses() {
        assertThat(ResponseInterest.of(SuccessOnly.class)).isTrue();
        assertThat(ResponseInterest.of(InheritsSuccess.class)).isTrue();
        assertThat(ResponseInterest.of(OwnService.class)).isTrue();
        assertThat(ResponseInterest.of(AllResponses.class)).isTrue();
        assertThat(ResponseInterest.of(Errors.class)).isTrue();
    }

    @Test
    void anEndpointThatIsNoSipServletOrIsUnknownGetsEveryResponse() {
        assertThat(ResponseInterest.of(Bare.class)).isTrue();
        assertThat(ResponseInterest.of(null)).isTrue();
    }

    @Test
    void anEndpointWhoseFactoryIsUnknownGetsEveryResponse() {
        assertThat(new ServletEndpoint("none", null, null).hearsResponses()).isTrue();
    }
}
