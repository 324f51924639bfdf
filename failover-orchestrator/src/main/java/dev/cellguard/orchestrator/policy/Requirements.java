package dev.cellguard.orchestrator.policy;

/**
 * What a target cell must be for traffic to move there. Health and readiness must be agreed by
 * every observer that reported on the cell (and at least one must have).
 */
public record Requirements(boolean targetReady, boolean targetHealthy, boolean noTargetDrift) {

    public static final Requirements STRICT = new Requirements(true, true, true);
}
