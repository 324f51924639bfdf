package dev.cellguard.monitor.readiness;

import dev.cellguard.monitor.readiness.GroupReadiness.CellNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps a recovery group's latest resource-set reports and says what changed with each new one:
 * cells whose readiness changed, and whether the reported set started or stopped drifting. Nothing
 * is announced until every resource set has been checked once, so start-up does not announce a
 * burst of UNKNOWNs followed by the real verdicts.
 *
 * <p>An update costs time in the number of cells, not of resource sets: each cell keeps a count of
 * its own resources per status, so a group with hundreds of sets is judged quickly. Not
 * thread-safe: one caller at a time.
 */
public final class ReadinessTracker {

    private final String recoveryGroup;
    private final List<CellNode> cells;
    private final Set<String> resourceSets;
    private final Map<String, String> parentOf = new HashMap<>();
    private final Map<String, ResourceSetReport> reports = new LinkedHashMap<>();
    private final Map<String, EnumMap<ReadinessStatus, Integer>> ownCounts = new HashMap<>();
    private final Map<String, ReadinessStatus> cellStatus = new LinkedHashMap<>();
    private final Map<String, ReadinessStatus> announcedCells = new HashMap<>();
    private final Map<String, List<Difference>> announcedDrift = new HashMap<>();
    private GroupReadiness current;

    public ReadinessTracker(String recoveryGroup, List<CellNode> cells, Set<String> resourceSets) {
        this.recoveryGroup = recoveryGroup;
        this.cells = List.copyOf(cells);
        this.resourceSets = Set.copyOf(resourceSets);
        cells.forEach(cell -> index(cell, null));
        recomputeCells();
    }

    private void index(CellNode cell, String parent) {
        parentOf.put(cell.name(), parent);
        ownCounts.put(cell.name(), new EnumMap<>(ReadinessStatus.class));
        cell.children().forEach(child -> index(child, cell.name()));
    }

    /** Takes a set's new report; returns what to announce. */
    public List<ReadinessChange> update(ResourceSetReport report) {
        ResourceSetReport previous = reports.put(report.name(), report);
        if (previous != null) {
            previous.statusByCell().forEach((cell, status) -> count(cell, status, -1));
        }
        report.statusByCell().forEach((cell, status) -> count(cell, status, +1));
        recomputeCells();
        current = null;
        if (!complete()) {
            return List.of();
        }
        List<ReadinessChange> changes = new ArrayList<>();
        boolean firstAnnouncement = announcedCells.isEmpty();
        cellStatus.forEach((name, status) -> {
            ReadinessStatus before = announcedCells.get(name);
            if (before != status) {
                announcedCells.put(name, status);
                changes.add(new ReadinessChange.CellChanged(name, parentOf.get(name), before, status,
                        current().cells().get(name).resourceSets(), notReadyRules(name)));
            }
        });
        for (ResourceSetReport set : firstAnnouncement ? reports.values() : List.of(report)) {
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

    /** The whole picture now (built on demand: REST answers and snapshots, not every update). */
    public GroupReadiness current() {
        if (current == null) {
            current = GroupReadiness.rollUp(recoveryGroup, cells, reports);
        }
        return current;
    }

    /** Ids of the rules that affect readiness and are not READY for the cell or any cell nested in it. */
    public List<String> notReadyRules(String cell) {
        Set<String> cellAndNested = new TreeSet<>();
        collect(cell, cellAndNested);
        Set<String> rules = new TreeSet<>();
        for (ResourceSetReport set : reports.values()) {
            if (set.status() == ReadinessStatus.READY) {
                continue;
            }
            for (RuleReport rule : set.rules()) {
                if (rule.affectsReadiness() && rule.statusByCell().entrySet().stream()
                        .anyMatch(e -> cellAndNested.contains(e.getKey()) && e.getValue() != ReadinessStatus.READY)) {
                    rules.add(rule.id());
                }
            }
        }
        return List.copyOf(rules);
    }

    private void count(String cell, ReadinessStatus status, int delta) {
        EnumMap<ReadinessStatus, Integer> counts = ownCounts.get(cell);
        if (counts != null) {
            counts.merge(status, delta, Integer::sum);
        }
    }

    /** Each cell: the worst of its own resources' statuses and its nested cells' statuses. */
    private void recomputeCells() {
        cellStatus.clear();
        cells.forEach(this::recompute);
    }

    private ReadinessStatus recompute(CellNode cell) {
        List<ReadinessStatus> inputs = new ArrayList<>();
        ownCounts.get(cell.name()).forEach((status, count) -> {
            if (count > 0) {
                inputs.add(status);
            }
        });
        for (CellNode child : cell.children()) {
            inputs.add(recompute(child));
        }
        ReadinessStatus status = ReadinessStatus.rollUp(inputs);
        cellStatus.put(cell.name(), status);
        return status;
    }

    private void collect(String cell, Set<String> out) {
        out.add(cell);
        parentOf.forEach((child, parent) -> {
            if (cell.equals(parent)) {
                collect(child, out);
            }
        });
    }
}
