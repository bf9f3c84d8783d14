package org.openpchat.web.rest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class EtagsTest {

    private static HttpHeaders ifMatch(String value) {
        return (HttpHeaders) Proxy.newProxyInstance(EtagsTest.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getHeaderString")
                        && HttpHeaders.IF_MATCH.equals(args[0]) ? value : null);
    }

    @Test
    void anEntityTagIsUnquotedAndWeakOnesCount() {
        assertThat(Etags.ifMatch(ifMatch("\"3f2a\""))).isEqualTo("3f2a");
        assertThat(Etags.ifMatch(ifMatch("W/\"3f2a\""))).isEqualTo("3f2a");
        assertThat(Etags.ifMatch(ifMatch("*"))).isNull();
        assertThat(Etags.ifMatch(ifMatch(null))).isNull();
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> Etags.ifMatch(ifMatch("3f2a"))).isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> Etags.ifMatch(ifMatch("\"a\", \"b\""))).isInstanceOf(BadRequest.class);
    }
}
