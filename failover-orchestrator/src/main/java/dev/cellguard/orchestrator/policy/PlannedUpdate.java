package dev.cellguard.orchestrator.policy;

import java.util.List;
import java.util.UUID;

/**
 * An update the engine wants sent to ARC. Report how it went with
 * {@link FailoverEngine#executed}, {@link FailoverEngine#blockedByArc} or {@link FailoverEngine#failed}.
 *
 * @param decisionId the id the resulting decision will carry
 * @param overrides  safety rules the update may override (only for an operator with the right)
 * @param automated  false for operator actions (manual, approved), which are not counted against a
 *                   policy's cooldown and hourly window
 */
public record PlannedUpdate(UUID decisionId, Proposal proposal, List<String> overrides, String actor, boolean automated) {

    public PlannedUpdate {
        overrides = List.copyOf(overrides);
    }
}
