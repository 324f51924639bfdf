package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.ControlState;
import java.util.List;
import java.util.UUID;

/**
 * What the policy wants done: move traffic from some cells to others by setting routing controls,
 * because of the listed signals.
 *
 * @param correlationId the incident this belongs to: that of the signal that tipped the decision
 * @param causedBy      the signal that tipped the decision
 */
public record FailoverProposal(
        String policy,
        String reason,
        List<String> fromCells,
        List<String> toCells,
        List<ControlState> desiredStates,
        List<UUID> inputSignals,
        UUID correlationId,
        UUID causedBy) {
}
