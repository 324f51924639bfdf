package dev.cellguard.orchestrator.policy;

import java.time.Duration;

/**
 * One failover policy: when it matches, what the target must be, how it acts, and how often it may.
 *
 * @param cooldown            after this policy moved traffic, how long before it may again
 * @param maxFailoversPerHour how many times this policy may move traffic in any hour
 */
public record Policy(String name, Mode mode, Trigger when, Requirements require, Duration cooldown, int maxFailoversPerHour) {
}
