package dev.cellguard.contracts;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic event of every type. A test fails when a new type has no sample here. */
final class EventSamples {

    static final String RC_WEST = "arn:aws:route53-recovery-control::111122223333:controlpanel/"
            + "0123456789abcdef0123456789abcdef/routingcontrol/0123456789abcdef";
    static final String RC_EU = "arn:aws:route53-recovery-control::111122223333:controlpanel/"
            + "0123456789abcdef0123456789abcdef/routingcontrol/fedcba9876543210";

    private static final EventSource MONITOR = new EventSource("readiness-monitor", "monitor-us-west-2-0");
    private static final EventSource ORCHESTRATOR = new EventSource("failover-orchestrator", "orchestrator-0");
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    private EventSamples() {
    }

    static Map<EventType, EventEnvelope<?>> all() {
        EventEnvelope<CellHealthChanged> health = EventEnvelope.create(
                new CellHealthChanged("us-west-2", HealthStatus.UNHEALTHY, HealthStatus.HEALTHY,
                        "http://127.0.0.1:8081/health", "HTTP 503", 3, 12L),
                MONITOR, "orders", "us-west-2", null, NOW);
        EventEnvelope<FailoverDecision> decision = EventEnvelope.create(
                new FailoverDecision("evacuate-unhealthy-region", "sha256:ab12", DecisionOutcome.EXECUTED,
                        "us-west-2 UNHEALTHY, eu-west-1 HEALTHY", null, List.of("us-west-2"), List.of("eu-west-1"),
                        List.of(new ControlState(RC_WEST, "us-west-2", RoutingState.OFF),
                                new ControlState(RC_EU, "eu-west-1", RoutingState.ON)),
                        List.of(health.id().toString()), "automation"),
                ORCHESTRATOR, "orders", null, health, NOW.plusMillis(5));
        EventEnvelope<RoutingControlChanged> routing = EventEnvelope.create(
                new RoutingControlChanged(
                        List.of(new ControlChange(RC_WEST, "us-west-2", RoutingState.ON, RoutingState.OFF),
                                new ControlChange(RC_EU, "eu-west-1", RoutingState.OFF, RoutingState.ON)),
                        "ap-southeast-2", "http://127.0.0.1:9101/v1", 2, 41L, List.of(), decision.id().toString()),
                ORCHESTRATOR, "orders", null, decision, NOW.plusMillis(50));
        EventEnvelope<CellReadinessChanged> readiness = EventEnvelope.create(
                new CellReadinessChanged("us-west-2", Readiness.NOT_READY, Readiness.READY, null,
                        Map.of("orders-asg", Readiness.NOT_READY, "orders-health", Readiness.READY),
                        List.of("asg.all.min-max-size")),
                MONITOR, "orders", "eu-west-1", null, NOW);
        EventEnvelope<ResourceSetDriftDetected> drift = EventEnvelope.create(
                new ResourceSetDriftDetected("us-west-2", "orders-asg", "aws-autoscaling-group",
                        List.of("asg.all.min-max-size"),
                        List.of(new FieldDifference("asg.all.min-max-size", "maxSize",
                                Map.of("us-west-2", IntNode.valueOf(6), "eu-west-1", IntNode.valueOf(4))),
                                new FieldDifference("asg.all.min-max-size", "minSize",
                                        Map.of("us-west-2", TextNode.valueOf("2"), "eu-west-1", NullNode.getInstance())))),
                MONITOR, "orders", null, null, NOW);
        EventEnvelope<ResourceSetDriftResolved> resolved = EventEnvelope.create(
                new ResourceSetDriftResolved("us-west-2", "orders-asg", "aws-autoscaling-group", List.of("asg.all.min-max-size")),
                MONITOR, "orders", null, drift, NOW.plusSeconds(60));
        EventEnvelope<ReadinessSnapshot> snapshot = EventEnvelope.create(
                new ReadinessSnapshot("us-west-2", Readiness.READY,
                        Map.of("us-west-2", new ReadinessSnapshot.CellView(Readiness.READY, HealthStatus.HEALTHY, null),
                                "us-west-2a", new ReadinessSnapshot.CellView(Readiness.READY, HealthStatus.UNKNOWN, "us-west-2")),
                        Map.of("orders-asg", new ReadinessSnapshot.ResourceSetView("aws-autoscaling-group", Readiness.READY, false, NOW),
                                "orders-info", new ReadinessSnapshot.ResourceSetView("http-json", Readiness.UNKNOWN, false, null))),
                MONITOR, "orders", null, null, NOW);
        return Map.of(
                EventType.CELL_HEALTH_CHANGED, health,
                EventType.CELL_READINESS_CHANGED, readiness,
                EventType.RESOURCE_SET_DRIFT_DETECTED, drift,
                EventType.RESOURCE_SET_DRIFT_RESOLVED, resolved,
                EventType.READINESS_SNAPSHOT, snapshot,
                EventType.FAILOVER_DECISION, decision,
                EventType.ROUTING_CONTROL_CHANGED, routing);
    }

}
