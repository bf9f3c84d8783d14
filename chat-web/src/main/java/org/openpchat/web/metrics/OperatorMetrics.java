package org.openpchat.web.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.openpchat.chat.application.compliance.ComplianceRelay;
import org.openpchat.chat.application.metrics.FrontEndFigures;
import org.openpchat.chat.application.metrics.NodeFigures;

/**
 * The metrics operators scrape (Prometheus text format): what the chat front end and the SIP
 * container of this node report ({@link NodeFigures}), the compliance outbox, and the JVM. Read
 * once per scrape: every figure of one scrape comes from the same moment.
 */
@ApplicationScoped
public class OperatorMetrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    @EJB
    private NodeFigures figures;
    @EJB
    private ComplianceRelay compliance;

    private final Clock clock = Clock.systemUTC();
    private PrometheusMeterRegistry registry;
    private Scrape current = Scrape.EMPTY;

    /** The figures of the scrape in progress. */
    record Scrape(FrontEndFigures frontEnd, long complianceBacklog, double complianceLagSeconds) {
        static final Scrape EMPTY = new Scrape(null, 0, 0);
    }

    @PostConstruct
    void bind() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gauge("pchat.chat.sessions", "chat dialogs open on this node", f -> f.chatSessions());
        counter("pchat.chat.joins", "rooms entered by chat dialogs", FrontEndFigures::joins);
        counter("pchat.chat.posts", "posts delivered from this node", FrontEndFigures::posts);
        counter("pchat.chat.deliveries", "copies of posts sent to room members", FrontEndFigures::deliveries);
        gauge("pchat.sip.connections", "SIP client connections (TCP, TLS) open", f -> f.connections());
        gauge("pchat.sip.queued.messages", "messages waiting to be written to SIP connections",
                f -> f.queuedMessages());
        connectionsCut("slow reader", FrontEndFigures::slowConnectionsCut);
        connectionsCut("write failed", FrontEndFigures::failedConnectionsCut);
        Gauge.builder("pchat.sip.delivery.delay", this, m -> m.frontEnd(f -> f.deliveryDelayMillis() / 1000.0))
                .description("how far behind the SIP container is (the latest of its queues, each the 90th"
                        + " percentile of its recent waits; from half the limit a growing share of posts is refused)").baseUnit("seconds").register(registry);
        Gauge.builder("pchat.chat.post.time", this, m -> m.frontEnd(f -> f.postTimeMillis() / 1000.0))
                .description("how long posts take to be stored and answered (90th percentile over the last 2 s"
                        + " and those under way; from half the limit a growing share of posts is refused)").baseUnit("seconds").register(registry);
        Gauge.builder("pchat.compliance.outbox.events", this, m -> m.current.complianceBacklog())
                .description("compliance events not yet handed to the compliance queue").register(registry);
        Gauge.builder("pchat.compliance.lag", this, m -> m.current.complianceLagSeconds())
                .description("age of the oldest compliance event not yet handed on").baseUnit("seconds")
                .register(registry);
        registry.getPrometheusRegistry().register(new WriteLatencyCollector(() -> current.frontEnd()));
    }

    @PreDestroy
    void close() {
        registry.close();
    }

    private void connectionsCut(String reason, ToDoubleFunction<FrontEndFigures> value) {
        FunctionCounter.builder("pchat.sip.connections.cut", this, m -> m.frontEnd(value))
                .description("SIP connections closed by the server").tag("reason", reason).register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<FrontEndFigures> value) {
        Gauge.builder(name, this, m -> m.frontEnd(value)).description(description).register(registry);
    }

    private void counter(String name, String description, ToDoubleFunction<FrontEndFigures> value) {
        FunctionCounter.builder(name, this, m -> m.frontEnd(value)).description(description).register(registry);
    }

    private double frontEnd(ToDoubleFunction<FrontEndFigures> value) {
        FrontEndFigures frontEnd = current.frontEnd();
        return frontEnd == null ? Double.NaN : value.applyAsDouble(frontEnd);
    }

    /** Reads the figures once and writes every metric. */
    public synchronized String scrape() {
        double lag = compliance.oldestWaiting()
                .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        current = new Scrape(figures.frontEnd().orElse(null), compliance.backlog(), lag);
        try {
            return registry.scrape();
        } finally {
            current = Scrape.EMPTY;
        }
    }
}
