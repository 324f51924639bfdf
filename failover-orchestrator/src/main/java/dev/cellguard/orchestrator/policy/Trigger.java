package dev.cellguard.orchestrator.policy;

import java.time.Duration;

/**
 * When a policy matches a cell that takes traffic: enough observers ({@code observersAgreeing})
 * have each seen the bad condition for {@code sustainedFor} in total. Time with no verdict
 * (UNKNOWN) neither counts nor resets; a good verdict resets.
 */
public record Trigger(Condition condition, Duration sustainedFor, int observersAgreeing) {

    public enum Condition {
        /** {@code when: { health: UNHEALTHY }} */
        HEALTH_UNHEALTHY,
        /** {@code when: { readiness: NOT_READY }} */
        READINESS_NOT_READY
    }
}
