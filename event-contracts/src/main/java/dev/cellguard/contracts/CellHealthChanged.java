package dev.cellguard.contracts;

/**
 * {@code cell.health.changed}: one observer saw a cell's health change (transitions only).
 *
 * @param observer           id of the vantage point that probed (its Region in EKS)
 * @param status             the new health
 * @param previousStatus     the health before, or {@code null} for the first verdict
 * @param target             what was probed, e.g. the health URL
 * @param reason             why, in words: the last probe result
 * @param consecutiveResults how many probes in a row agreed before the change was declared
 * @param latencyMs          latency of the last probe, or {@code null} if it did not complete
 */
public record CellHealthChanged(
        String observer,
        HealthStatus status,
        HealthStatus previousStatus,
        String target,
        String reason,
        int consecutiveResults,
        Long latencyMs) implements EventPayload {
}
