package dev.cellguard.contracts;

import java.time.Instant;
import java.util.Map;

/**
 * {@code readiness.snapshot}: everything one observer currently knows about a recovery group, sent
 * periodically so a consumer that starts late catches up without waiting for a transition.
 */
public record ReadinessSnapshot(
        String observer,
        Readiness status,
        Map<String, CellView> cells,
        Map<String, ResourceSetView> resourceSets) implements EventPayload {

    public ReadinessSnapshot {
        cells = Map.copyOf(cells);
        resourceSets = Map.copyOf(resourceSets);
    }

    /** A cell's readiness and health now; {@code parentCell} is {@code null} for a top-level cell. */
    public record CellView(Readiness readiness, HealthStatus health, String parentCell) {
    }

    /** A resource set now. {@code checkedAt} is {@code null} before its first check. */
    public record ResourceSetView(String type, Readiness status, boolean drifting, Instant checkedAt) {
    }
}
