package dev.cellguard.monitor.readiness;

import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a recovery group's latest resource-set reports and says what changed with each new one:
 * cells whose readiness changed, resource sets that started or stopped drifting. Nothing is
 * announced until every resource set has been checked once, so start-up does not announce a burst
 * of UNKNOWNs followed by the real verdicts. Not thread-safe: one caller at a time.
 */
public final class ReadinessTracker {

    private final String recoveryGroup;
    private final List<CellNode> cells;
    private final Set<String> resourceSets;
    private final Map<String, ResourceSetReport> reports = new LinkedHashMap<>();
    private final Map<String, ReadinessStatus> announcedCells = new HashMap<>();
    private final Map<String, List<Difference>> announcedDrift = new HashMap<>();
    private GroupReadiness current;

    public ReadinessTracker(String recoveryGroup, List<CellNode> cells, Set<String> resourceSets) {
        this.recoveryGroup = recoveryGroup;
        this.cells = List.copyOf(cells);
        this.resourceSets = Set.copyOf(resourceSets);
        this.current = GroupReadiness.rollUp(recoveryGroup, cells, reports);
    }

    /** Takes a set's new report; returns what to announce. */
    public List<ReadinessChange> update(ResourceSetReport report) {
        reports.put(report.name(), report);
        current = GroupReadiness.rollUp(recoveryGroup, cells, reports);
        if (!complete()) {
            return List.of();
        }
        List<ReadinessChange> changes = new ArrayList<>();
        current.cells().forEach((name, cell) -> {
            ReadinessStatus before = announcedCells.get(name);
            if (before != cell.status()) {
                announcedCells.put(name, cell.status());
                changes.add(new ReadinessChange.CellChanged(name, cell.parent(), before, cell.status(), cell.resourceSets(),
                        notReadyRules(name)));
            }
        });
        for (ResourceSetReport set : reports.values()) {
            List<Difference> before = announcedDrift.getOrDefault(set.name(), List.of());
            if (!Objects.equals(before, set.drift())) {
                announcedDrift.put(set.name(), set.drift());
                if (set.drifting()) {
                    changes.add(new ReadinessChange.DriftDetected(set));
                } else {
                    changes.add(new ReadinessChange.DriftResolved(set,
                            before.stream().map(Difference::ruleId).distinct().sorted().toList()));
                }
            }
        }
        return changes;
    }

    /** Whether every resource set has been checked at least once. */
    public boolean complete() {
        return reports.keySet().containsAll(resourceSets);
    }

    public GroupReadiness current() {
        return current;
    }

    /** Ids of the rules that affect readiness and are not READY for the cell or any cell nested in it. */
    public List<String> notReadyRules(String cell) {
        Set<String> cellAndNested = new TreeSet<>();
        collect(cell, cellAndNested);
        Set<String> rules = new TreeSet<>();
        for (ResourceSetReport set : reports.values()) {
            for (RuleReport rule : set.rules()) {
                if (rule.affectsReadiness() && rule.statusByCell().entrySet().stream()
                        .anyMatch(e -> cellAndNested.contains(e.getKey()) && e.getValue() != ReadinessStatus.READY)) {
                    rules.add(rule.id());
                }
            }
        }
        return List.copyOf(rules);
    }

    private void collect(String cell, Set<String> out) {
        out.add(cell);
        CellReadiness readiness = current.cells().get(cell);
        if (readiness != null) {
            readiness.children().forEach(child -> collect(child, out));
        }
    }
}
