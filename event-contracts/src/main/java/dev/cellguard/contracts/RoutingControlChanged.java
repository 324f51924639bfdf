package dev.cellguard.contracts;

import java.util.List;

/**
 * {@code routing.control.changed}: ARC accepted an update of one or more routing controls.
 *
 * @param changes               every control the update moved (one atomic call)
 * @param endpointRegion        Region label of the ARC cluster endpoint that accepted the update
 * @param endpointUrl           URL of that endpoint
 * @param attempts              how many endpoint attempts the update took, the accepted one included
 * @param latencyMs             time from the first attempt to acceptance
 * @param safetyRulesOverridden safety rules the update was allowed to override (normally none)
 * @param decisionId            the {@code failover.decision} event that asked for the change
 */
public record RoutingControlChanged(
        List<ControlChange> changes,
        String endpointRegion,
        String endpointUrl,
        int attempts,
        long latencyMs,
        List<String> safetyRulesOverridden,
        String decisionId) implements EventPayload {

    public RoutingControlChanged {
        changes = List.copyOf(changes);
        safetyRulesOverridden = List.copyOf(safetyRulesOverridden);
    }
}
