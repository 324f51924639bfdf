package dev.cellguard.monitor.readiness;

import java.util.List;
import java.util.Map;

/**
 * One rule's verdict on a resource set: a status per cell, what it found in words, and for an
 * "all" rule the fields that differ between cells.
 */
public record RuleOutcome(Map<String, ReadinessStatus> statusByCell, List<String> messages, List<Difference> differences) {

    public RuleOutcome {
        statusByCell = Map.copyOf(statusByCell);
        messages = List.copyOf(messages);
        differences = List.copyOf(differences);
    }

    public ReadinessStatus status() {
        return ReadinessStatus.rollUp(statusByCell.values());
    }
}
