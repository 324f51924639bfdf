package dev.cellguard.contracts;

import java.util.List;

/**
 * {@code resourceset.drift.detected}: the resources of a set differ between cells (or differ in a
 * new way). Carries every differing field with each cell's value and the rules that compare them.
 */
public record ResourceSetDriftDetected(
        String observer,
        String resourceSet,
        String resourceType,
        List<String> ruleIds,
        List<FieldDifference> differences) implements EventPayload {

    public ResourceSetDriftDetected {
        ruleIds = List.copyOf(ruleIds);
        differences = List.copyOf(differences);
    }
}
