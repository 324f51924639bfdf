package dev.cellguard.audit.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An incident's stages, from its records in the order they occurred: when the trouble was
 * detected (the first unhealthy, not-ready or drift signal), when a decision was made, when an
 * operator approved it (if one had to), and when the routing changed — and how long each step took.
 */
public record IncidentTimeline(Instant detected, Instant decided, Instant approved, Instant routingChanged) {

    /** The fields of a record the timeline needs. */
    public record Step(String type, String outcome, Instant occurredAt) {
    }

    public static IncidentTimeline of(List<Step> steps) {
        return new IncidentTimeline(
                first(steps, s -> s.type().equals("cell.health.changed") && "UNHEALTHY".equals(s.outcome())
                        || s.type().equals("cell.readiness.changed") && "NOT_READY".equals(s.outcome())
                        || s.type().equals("resourceset.drift.detected")),
                first(steps, s -> s.type().equals("failover.decision")),
                first(steps, s -> s.type().equals("failover.decision") && "APPROVED".equals(s.outcome())),
                first(steps, s -> s.type().equals("routing.control.changed")));
    }

    public Optional<Duration> detectionToDecision() {
        return between(detected, decided);
    }

    public Optional<Duration> decisionToApproval() {
        return between(decided, approved);
    }

    public Optional<Duration> approvalToRoutingChange() {
        return between(approved, routingChanged);
    }

    /** From the first sign of trouble to traffic moved: the number operators care about. */
    public Optional<Duration> detectionToRoutingChange() {
        return between(detected, routingChanged);
    }

    private static Instant first(List<Step> steps, java.util.function.Predicate<Step> which) {
        return steps.stream().filter(which).map(Step::occurredAt).findFirst().orElse(null);
    }

    private static Optional<Duration> between(Instant a, Instant b) {
        return a == null || b == null ? Optional.empty() : Optional.of(Duration.between(a, b));
    }
}
