package dev.cellguard.monitor.readiness;

import java.util.List;
import java.util.Map;

/**
 * A cell's readiness: its own resources' statuses by resource set, its nested cells, and the
 * roll-up of both.
 *
 * @param parent the cell it is nested in, or {@code null}
 */
public record CellReadiness(String name, String parent, ReadinessStatus status, Map<String, ReadinessStatus> resourceSets,
                            List<String> children) {

    public CellReadiness {
        resourceSets = Map.copyOf(resourceSets);
        children = List.copyOf(children);
    }
}
