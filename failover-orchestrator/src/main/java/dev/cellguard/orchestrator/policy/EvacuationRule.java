package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.HealthStatus;
import dev.cellguard.contracts.RoutingState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The built-in failover rule: when the primary cell (priority 1) is UNHEALTHY while it still takes
 * traffic, and the next cell by priority is HEALTHY, route traffic to that cell only (primary Off,
 * secondary On) in one atomic update. The result is a desired placement, so evaluating it again
 * once the routing has flipped proposes nothing: two orchestrators seeing the same signals converge.
 */
public final class EvacuationRule {

    public static final String NAME = "evacuate-unhealthy-primary";
    public static final String VERSION = "builtin-1";

    private final List<CellRoute> cells;

    public EvacuationRule(List<CellRoute> cells) {
        if (cells.size() < 2) {
            throw new IllegalArgumentException("a failover needs at least two cells, got " + cells.size());
        }
        this.cells = cells.stream().sorted(Comparator.comparingInt(CellRoute::priority)).toList();
    }

    public List<CellRoute> cells() {
        return cells;
    }

    /**
     * @param health  what the observers say
     * @param routing the routing controls' current states by ARN, as read from ARC
     */
    public Optional<FailoverProposal> evaluate(ObservedHealth health, Map<String, RoutingState> routing) {
        CellRoute primary = cells.get(0);
        CellRoute secondary = cells.get(1);
        if (routing.get(primary.routingControlArn()) != RoutingState.ON
                || health.agreedHealth(primary.cell()) != HealthStatus.UNHEALTHY
                || health.agreedHealth(secondary.cell()) != HealthStatus.HEALTHY) {
            return Optional.empty();
        }
        List<ControlState> desired = new ArrayList<>();
        for (CellRoute cell : cells) {
            RoutingState state = cell.equals(secondary) ? RoutingState.ON : RoutingState.OFF;
            desired.add(new ControlState(cell.routingControlArn(), cell.cell(), state));
        }
        List<UUID> inputs = new ArrayList<>();
        health.observations(primary.cell()).forEach(o -> inputs.add(o.eventId()));
        health.observations(secondary.cell()).forEach(o -> inputs.add(o.eventId()));
        ObservedHealth.Observation cause = health.latest(primary.cell()).orElseThrow();
        return Optional.of(new FailoverProposal(
                NAME,
                primary.cell() + " is UNHEALTHY and " + secondary.cell() + " is HEALTHY: route traffic to "
                        + secondary.cell(),
                List.of(primary.cell()),
                List.of(secondary.cell()),
                desired,
                inputs,
                cause.correlationId(),
                cause.eventId()));
    }
}
