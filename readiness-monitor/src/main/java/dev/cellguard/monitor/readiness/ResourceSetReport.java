package dev.cellguard.monitor.readiness;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One resource set, judged: each cell's resource status (only rules that affect readiness count),
 * the set's status, every rule's report, and the drift found by "all" rules that affect readiness.
 */
public record ResourceSetReport(String name, String type, ReadinessStatus status, Map<String, ReadinessStatus> statusByCell,
                                List<RuleReport> rules, List<Difference> drift, Instant checkedAt) {

    public ResourceSetReport {
        statusByCell = Map.copyOf(statusByCell);
        rules = List.copyOf(rules);
        drift = List.copyOf(drift);
    }

    public boolean drifting() {
        return !drift.isEmpty();
    }

    /** Ids of the rules whose differences make up the drift. */
    public List<String> driftRuleIds() {
        return drift.stream().map(Difference::ruleId).distinct().sorted().toList();
    }
}
