package dev.cellguard.monitor.health;

import dev.cellguard.contracts.HealthStatus;

/** A cell's health verdict changed. {@code previous} is UNKNOWN before the first verdict. */
public record HealthTransition(HealthStatus previous, HealthStatus current, int consecutiveResults, ProbeResult lastResult) {
}
