package org.openpchat.it.sip.app;

import jakarta.enterprise.context.ApplicationScoped;

/** A CDI bean, to show the container injects into SIP servlets. */
@ApplicationScoped
public class Greeting {

    public String text() {
        return "hello-from-cdi";
    }
}
