package dev.cellguard.audit;

import dev.cellguard.contracts.CellHealthChanged;
import dev.cellguard.contracts.ControlChange;
import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.DecisionOutcome;
import dev.cellguard.contracts.EventCodec;
import dev.cellguard.contracts.EventEnvelope;
import dev.cellguard.contracts.EventSource;
import dev.cellguard.contracts.FailoverDecision;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.RoutingControlChanged;
import dev.cellguard.contracts.RoutingState;
import dev.cellguard.testsupport.QueueInspector;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events as the other services send them, for feeding the audit queue in tests. */
final class AuditEvents {

    static final String WEST_RC = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a/routingcontrol/a1b2c3d4e5f60718";
    static final String EU_RC = "arn:aws:route53-recovery-control::111122223333:controlpanel/5f1c0d3a9b8e4c7d8a6b2e1f0c9d8b7a/routingcontrol/1827364554637281";
    private static final EventCodec CODEC = new EventCodec();
    private static final EventSource MONITOR = new EventSource("readiness-monitor", "monitor-0");
    private static final EventSource ORCHESTRATOR = new EventSource("failover-orchestrator", "orchestrator-0");

    private AuditEvents() {
    }

    static EventEnvelope<CellHealthChanged> health(String cell, String observer, HealthStatus status, Instant at) {
        return EventEnvelope.create(new CellHealthChanged(observer, status, null, "http://x/health", "probe", 3, 2L), MONITOR,
                "orders", cell, null, at);
    }

    static EventEnvelope<FailoverDecision> decision(EventEnvelope<?> cause, DecisionOutcome outcome, String actor, Instant at) {
        return EventEnvelope.create(new FailoverDecision("evacuate-unhealthy-region", "sha256:0011", outcome, "test " + outcome,
                        null, List.of("us-west-2"), List.of("eu-west-1"),
                        List.of(new ControlState(WEST_RC, "us-west-2", RoutingState.OFF), new ControlState(EU_RC, "eu-west-1", RoutingState.ON)),
                        List.of(cause.id().toString()), actor),
                ORCHESTRATOR, "orders", null, cause.correlationId(), cause.id(), at);
    }

    static EventEnvelope<RoutingControlChanged> routing(EventEnvelope<FailoverDecision> decision, Instant at) {
        return EventEnvelope.create(new RoutingControlChanged(List.of(
                        new ControlChange(WEST_RC, "us-west-2", RoutingState.ON, RoutingState.OFF),
                        new ControlChange(EU_RC, "eu-west-1", RoutingState.OFF, RoutingState.ON)),
                        "us-east-1", "http://127.0.0.1:9103/v1", 1, 7L, List.of(), decision.id().toString()),
                ORCHESTRATOR, "orders", null, decision.correlationId(), decision.id(), at);
    }

    static void send(QueueInspector queue, EventEnvelope<?> event) {
        queue.sendRaw(CODEC.toJson(event), event.messageGroupId(), event.deduplicationId());
    }

    static UUID id(EventEnvelope<?> event) {
        return event.id();
    }
}
