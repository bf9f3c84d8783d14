package org.openpchat.chat.application.compliance;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.openpchat.chat.domain.access.Actor;

/**
 * The state of the compliance pipeline, for administrators. Each count is read in its own
 * transaction: the outbox is in mgc, the captured events in mgccomp, the pools are not XA.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CompliancePipeline {

    @EJB
    private ComplianceRelay relay;
    @EJB
    private ComplianceIntake intake;
    @EJB
    private ComplianceExportScheduler scheduler;
    @Inject
    private DeadLetters deadLetters;

    public CompliancePipeline() {
    }

    /** Outside the container (tests): over these parts. */
    public CompliancePipeline(ComplianceRelay relay, ComplianceIntake intake, ComplianceExportScheduler scheduler,
            DeadLetters deadLetters) {
        this.relay = relay;
        this.intake = intake;
        this.scheduler = scheduler;
        this.deadLetters = deadLetters;
    }

    public PipelineView status(Actor actor) {
        actor.requireAdministrator("see the compliance pipeline");
        ComplianceExportScheduler.LastExport last = scheduler.lastExport();
        return new PipelineView(relay.backlog(), intake.countUnprocessed(), deadLetters.count(),
                last == null ? null : last.at(), last == null ? 0 : last.events());
    }
}
