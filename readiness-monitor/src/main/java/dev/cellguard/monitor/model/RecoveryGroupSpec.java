package dev.cellguard.monitor.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A recovery group: the cells that serve one application, and the resource sets that say whether they are ready. */
public record RecoveryGroupSpec(String name, List<CellSpec> cells, List<ResourceSetSpec> resourceSets) {

    public RecoveryGroupSpec {
        cells = List.copyOf(cells);
        resourceSets = List.copyOf(resourceSets);
    }

    /** Every cell, nested ones included, by name. */
    public Map<String, CellSpec> allCells() {
        return cells.stream().flatMap(CellSpec::flatten)
                .collect(Collectors.toMap(CellSpec::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** The cell that directly contains the given one, if it is nested. */
    public Optional<CellSpec> parentOf(String cell) {
        return cells.stream().flatMap(CellSpec::flatten)
                .filter(c -> c.cells().stream().anyMatch(child -> child.name().equals(cell)))
                .findFirst();
    }

    public Optional<ResourceSetSpec> resourceSet(String name) {
        return resourceSets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
