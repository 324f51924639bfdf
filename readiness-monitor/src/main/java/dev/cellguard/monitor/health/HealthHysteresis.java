package dev.cellguard.monitor.health;

import dev.cellguard.contracts.HealthStatus;
import java.util.Optional;

/**
 * Turns a stream of probe results for one cell into health verdicts with hysteresis: a cell becomes
 * UNHEALTHY after {@code failureThreshold} failed probes in a row and HEALTHY after
 * {@code successThreshold} passed probes in a row; as many probes in a row that could not run make
 * it UNKNOWN. Anything else keeps the current verdict, so one blip changes nothing. Only changes
 * are reported. Not thread-safe: one instance per cell, fed by one probe at a time.
 */
public final class HealthHysteresis {

    private final int failureThreshold;
    private final int successThreshold;
    private HealthStatus status = HealthStatus.UNKNOWN;
    private ProbeResult.Kind streakKind;
    private int streak;

    public HealthHysteresis(int failureThreshold, int successThreshold) {
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.successThreshold = successThreshold;
    }

    public HealthStatus status() {
        return status;
    }

    /** Records a probe result; returns the transition it caused, if any. */
    public Optional<HealthTransition> record(ProbeResult result) {
        streak = result.kind() == streakKind ? streak + 1 : 1;
        streakKind = result.kind();
        HealthStatus verdict = switch (result.kind()) {
            case PASSED -> streak >= successThreshold ? HealthStatus.HEALTHY : status;
            case FAILED -> streak >= failureThreshold ? HealthStatus.UNHEALTHY : status;
            case COULD_NOT_RUN -> streak >= failureThreshold ? HealthStatus.UNKNOWN : status;
        };
        if (verdict == status) {
            return Optional.empty();
        }
        HealthTransition transition = new HealthTransition(status, verdict, streak, result);
        status = verdict;
        return Optional.of(transition);
    }
}
