package dev.cellguard.contracts;

import java.util.List;

/** {@code resourceset.drift.resolved}: the resources of a set agree again across cells. */
public record ResourceSetDriftResolved(
        String observer,
        String resourceSet,
        String resourceType,
        List<String> ruleIds) implements EventPayload {

    public ResourceSetDriftResolved {
        ruleIds = List.copyOf(ruleIds);
    }
}
