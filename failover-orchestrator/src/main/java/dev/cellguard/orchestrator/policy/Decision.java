package dev.cellguard.orchestrator.policy;

import dev.cellguard.contracts.ControlState;
import dev.cellguard.contracts.DecisionOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A failover decision: what was (or would have been) done, why, and on what evidence.
 *
 * @param id            also the id of the {@code failover.decision} event that announces it
 * @param correlationId the incident it belongs to
 * @param causationId   the signal or decision it directly follows from
 * @param expiresAt     for AWAITING_APPROVAL, when the request lapses; else {@code null}
 */
public record Decision(UUID id, String policy, String policyVersion, DecisionOutcome outcome, String reason,
                       String blockingRule, List<String> fromCells, List<String> toCells, List<ControlState> desiredStates,
                       List<UUID> inputSignals, String actor, UUID correlationId, UUID causationId, Instant at,
                       Instant expiresAt) {

    public Decision {
        fromCells = List.copyOf(fromCells);
        toCells = List.copyOf(toCells);
        desiredStates = List.copyOf(desiredStates);
        inputSignals = List.copyOf(inputSignals);
    }
}
