package dev.cellguard.contracts;

import java.util.List;

/**
 * {@code failover.decision}: an evaluation that acted, or would have acted and did not.
 *
 * @param policy        name of the policy that matched
 * @param policyVersion hash of the policy document, so a decision can be tied to the exact rules
 * @param outcome       what became of it
 * @param reason        why, in words
 * @param blockingRule  ARN or name of the safety rule that blocked it, if one did
 * @param fromCells     cells traffic is taken from
 * @param toCells       cells traffic is moved to
 * @param desiredStates the routing control states the decision asks for
 * @param inputSignals  ids of the events the decision was based on
 * @param actor         who decided: {@code automation} or a user
 */
public record FailoverDecision(
        String policy,
        String policyVersion,
        DecisionOutcome outcome,
        String reason,
        String blockingRule,
        List<String> fromCells,
        List<String> toCells,
        List<ControlState> desiredStates,
        List<String> inputSignals,
        String actor) implements EventPayload {

    public FailoverDecision {
        fromCells = List.copyOf(fromCells);
        toCells = List.copyOf(toCells);
        desiredStates = List.copyOf(desiredStates);
        inputSignals = List.copyOf(inputSignals);
    }
}
