package dev.cellguard.monitor.readiness;

import java.util.List;
import java.util.Map;

/** How one rule judged a resource set. */
public record RuleReport(String id, String description, Scope scope, boolean affectsReadiness, ReadinessStatus status,
                         Map<String, ReadinessStatus> statusByCell, List<String> messages, List<Difference> differences) {

    public RuleReport {
        statusByCell = Map.copyOf(statusByCell);
        messages = List.copyOf(messages);
        differences = List.copyOf(differences);
    }
}
