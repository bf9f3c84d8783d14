package org.openpchat.chat.application.metrics;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the chat front end of this node registers what it reports for operators' metrics, and
 * where the metrics endpoint reads it. Node-local, like what the front end counts.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeFigures {

    private volatile Supplier<FrontEndFigures> frontEnd;

    public void register(Supplier<FrontEndFigures> figures) {
        frontEnd = figures;
    }

    public void unregister(Supplier<FrontEndFigures> figures) {
        if (frontEnd == figures) {
            frontEnd = null;
        }
    }

    /** The front end's figures now; empty while none is registered (being deployed or stopped). */
    public Optional<FrontEndFigures> frontEnd() {
        Supplier<FrontEndFigures> figures = frontEnd;
        return figures == null ? Optional.empty() : Optional.ofNullable(figures.get());
    }
}
