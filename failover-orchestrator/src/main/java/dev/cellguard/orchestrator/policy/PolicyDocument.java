package dev.cellguard.orchestrator.policy;

import dev.cellguard.safety.SafetyRule;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The orchestrator's whole policy file, validated.
 *
 * @param source         where it was read from
 * @param version        {@code sha256:<hex>} of the file's bytes: every decision names the exact policy
 * @param cells          the recovery group's cells with their routing controls, by priority (1 first)
 * @param approvalTimeout how long a request for approval stays open
 * @param startupGrace   after a start, how long to gather signals before acting
 * @param safetyRules    the same rules as the ARC control panel, pre-checked before every update
 */
public record PolicyDocument(String source, String version, String recoveryGroup, List<CellRoute> cells,
                             List<Policy> policies, Failback failback, Duration approvalTimeout, Duration startupGrace,
                             List<SafetyRule> safetyRules) {

    public PolicyDocument {
        cells = cells.stream().sorted(Comparator.comparingInt(CellRoute::priority)).toList();
        policies = List.copyOf(policies);
        safetyRules = List.copyOf(safetyRules);
    }

    public Optional<CellRoute> cell(String name) {
        return cells.stream().filter(c -> c.cell().equals(name)).findFirst();
    }

    public CellRoute primary() {
        return cells.get(0);
    }

    public List<String> routingControlArns() {
        return cells.stream().map(CellRoute::routingControlArn).toList();
    }
}
