package dev.cellguard.contracts;

import java.util.List;
import java.util.Map;

/**
 * {@code cell.readiness.changed}: one observer saw a cell's readiness change (transitions only).
 *
 * @param observer       the vantage point that judged it
 * @param status         the new readiness
 * @param previousStatus the readiness before, or {@code null} for the first verdict
 * @param parentCell     the cell this one is nested in, or {@code null}
 * @param resourceSets   the status of this cell's own resource in each resource set
 * @param notReadyRules  ids of the rules that keep the cell from READY (empty when READY)
 */
public record CellReadinessChanged(
        String observer,
        Readiness status,
        Readiness previousStatus,
        String parentCell,
        Map<String, Readiness> resourceSets,
        List<String> notReadyRules) implements EventPayload {

    public CellReadinessChanged {
        resourceSets = Map.copyOf(resourceSets);
        notReadyRules = List.copyOf(notReadyRules);
    }
}
