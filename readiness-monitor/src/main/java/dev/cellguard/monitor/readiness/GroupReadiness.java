package dev.cellguard.monitor.readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A recovery group's readiness, rolled up as ARC does: a cell is the roll-up of its own resources
 * and its nested cells, so a NOT_READY Availability Zone cell makes its Region cell NOT_READY, and
 * the group is the roll-up of its top-level cells.
 */
public record GroupReadiness(String recoveryGroup, ReadinessStatus status, Map<String, CellReadiness> cells,
                             Map<String, ResourceSetReport> resourceSets) {

    public GroupReadiness {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        resourceSets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resourceSets));
    }

    /** A cell tree node: name and nested cells. Mirrors the model without depending on it. */
    public record CellNode(String name, List<CellNode> children) {
    }

    public static GroupReadiness rollUp(String recoveryGroup, List<CellNode> topLevelCells,
            Map<String, ResourceSetReport> resourceSets) {
        Map<String, CellReadiness> cells = new LinkedHashMap<>();
        List<ReadinessStatus> top = new ArrayList<>();
        for (CellNode cell : topLevelCells) {
            top.add(rollUpCell(cell, null, resourceSets, cells));
        }
        return new GroupReadiness(recoveryGroup, ReadinessStatus.rollUp(top), cells, resourceSets);
    }

    private static ReadinessStatus rollUpCell(CellNode cell, String parent, Map<String, ResourceSetReport> sets,
            Map<String, CellReadiness> out) {
        Map<String, ReadinessStatus> own = new TreeMap<>();
        sets.forEach((name, report) -> {
            ReadinessStatus status = report.statusByCell().get(cell.name());
            if (status != null) {
                own.put(name, status);
            }
        });
        List<ReadinessStatus> inputs = new ArrayList<>(own.values());
        for (CellNode child : cell.children()) {
            inputs.add(rollUpCell(child, cell.name(), sets, out));
        }
        ReadinessStatus status = ReadinessStatus.rollUp(inputs);
        out.put(cell.name(), new CellReadiness(cell.name(), parent, status, own,
                cell.children().stream().map(CellNode::name).toList()));
        return status;
    }
}
