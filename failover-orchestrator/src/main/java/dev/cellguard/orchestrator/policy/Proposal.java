package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.RoutingState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A desired traffic placement: the target cell On, every other cell Off, set in one atomic update.
 *
 * @param source        the cell traffic moves away from, or {@code null} for a manual placement
 * @param correlationId the incident
 * @param causedBy      the signal (or decision) that tipped it
 */
public record Proposal(String policy, String reason, String source, String target, List<ControlState> desiredStates,
                       List<UUID> inputSignals, UUID correlationId, UUID causedBy) {

    public Proposal {
        desiredStates = List.copyOf(desiredStates);
        inputSignals = List.copyOf(inputSignals);
    }

    /** Routing control ARN → state, in cell priority order. */
    public Map<String, RoutingState> desired() {
        Map<String, RoutingState> desired = new LinkedHashMap<>();
        desiredStates.forEach(s -> desired.put(s.routingControlArn(), s.state()));
        return desired;
    }

    public List<String> fromCells() {
        return desiredStates.stream().filter(s -> s.state() == RoutingState.OFF).map(ControlState::cell).toList();
    }

    static List<ControlState> placement(List<CellRoute> cells, String target) {
        return cells.stream().map(c -> new ControlState(c.routingControlArn(), c.cell(),
                c.cell().equals(target) ? RoutingState.ON : RoutingState.OFF)).toList();
    }
}
