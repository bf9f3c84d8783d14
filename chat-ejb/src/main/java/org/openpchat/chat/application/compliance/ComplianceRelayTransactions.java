package org.openpchat.chat.application.compliance;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/** The relay's steps, each in a container transaction of its own (a runtime exception rolls it back). */
@Stateless
@LocalBean
public class ComplianceRelayTransactions implements ComplianceOutboxRelay.Transactions {

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
