package org.openpchat.chat.application.health;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many SIP connections of this node have a signed-in user: the registrar reports it, the
 * dashboard shows it. A gauge only; who is signed in stays with the registrar.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SignedInConnections {

    private final AtomicInteger count = new AtomicInteger();

    public void report(int connections) {
        count.set(connections);
    }

    public int count() {
        return count.get();
    }
}
