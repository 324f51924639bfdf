package dev.cellguard.monitor.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A cell: a Region, or an Availability Zone inside one. Cells nest.
 *
 * @param region            the AWS Region whose API clients read this cell's AWS resources (inherited by nested cells)
 * @param kubernetesContext the kubeconfig context of this cell's cluster, or empty for in-cluster (inherited)
 */
public record CellSpec(String name, String region, String kubernetesContext, List<CellSpec> cells) {

    public CellSpec {
        cells = List.copyOf(cells);
    }

    /** This cell and every cell nested in it, depth first. */
    public Stream<CellSpec> flatten() {
        return Stream.concat(Stream.of(this), cells.stream().flatMap(CellSpec::flatten));
    }

    public Optional<String> kubernetesContextOpt() {
        return Optional.ofNullable(kubernetesContext);
    }
}
