package dev.cellguard.monitor.readiness;

import java.util.Map;

/**
 * A readiness rule of one resource type.
 *
 * <p>{@link #evaluate} sees only cells whose resource was read; the evaluator deals with cells that
 * could not be read. An informational rule ({@code affectsReadiness() == false}) is reported but
 * never changes a resource's, cell's or group's readiness.
 */
public interface ReadinessRule {

    /** Stable id, e.g. {@code asg.all.min-max-size}. */
    String id();

    String description();

    Scope scope();

    boolean affectsReadiness();

    RuleOutcome evaluate(Map<String, Observation.Observed> observedByCell);
}
