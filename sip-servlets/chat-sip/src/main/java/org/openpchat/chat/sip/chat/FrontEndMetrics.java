package org.openpchat.chat.sip.chat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.resource.ResourceException;
import java.util.function.Supplier;
import org.openpchat.chat.application.metrics.FrontEndFigures;
import org.openpchat.chat.application.metrics.NodeFigures;
import org.openpchat.sip.servlet.SipConnection;
import org.openpchat.sip.servlet.SipConnectionFactory;
import org.openpchat.sip.servlet.SipStatistics;

/** Reports the SIP front end's figures (its dialogs and what the SIP container counts) for operators' metrics. */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FrontEndMetrics {

    @EJB
    private NodeFigures figures;
    @EJB
    private ChatSessions sessions;
    @EJB
    private RoomFanout fanout;
    @Resource(lookup = ChatServlet.CONNECTIONS)
    private SipConnectionFactory connections;

    private final Supplier<FrontEndFigures> report = this::figures;

    @PostConstruct
    void register() {
        figures.register(report);
    }

    @PreDestroy
    void unregister() {
        figures.unregister(report);
    }

    private FrontEndFigures figures() {
        SipStatistics sip;
        try (SipConnection connection = connections.getConnection()) {
            sip = connection.getStatistics();
        } catch (ResourceException e) {
            throw new IllegalStateException("the SIP container gave no figures", e);
        }
        SipStatistics.Latency latency = sip.writeLatency();
        return new FrontEndFigures(sessions.count(), sessions.joins(), fanout.posts(), fanout.deliveries(),
                sip.openConnections(), sip.queuedMessages(), sip.slowConnectionsCut(), sip.failedConnectionsCut(),
                sip.deliveryDelayMillis(), PostShedding.recentPostMillis(),
                new FrontEndFigures.Histogram(latency.upperBoundsSeconds(), latency.cumulativeCounts(), latency.count(),
                        latency.sumSeconds()));
    }
}
