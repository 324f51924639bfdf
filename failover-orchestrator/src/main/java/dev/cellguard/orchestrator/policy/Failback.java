package dev.cellguard.orchestrator.policy;

import java.time.Duration;

/**
 * Moving traffic back to the primary cell once it has been healthy, ready and drift-free for
 * {@code stableFor} without a break. Never automatic unless configured so.
 */
public record Failback(Mode mode, Duration stableFor) {

    public static final String POLICY_NAME = "failback";
}
