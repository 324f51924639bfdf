package dev.cellguard.monitor.health;

/**
 * The outcome of one probe of one cell.
 *
 * @param kind      passed, failed (the target answered wrongly or not at all), or could not run
 * @param detail    what happened, in words (e.g. {@code HTTP 503}, {@code timed out after 1000 ms})
 * @param latencyMs how long the probe took, or {@code null} if it did not complete
 */
public record ProbeResult(Kind kind, String detail, Long latencyMs) {

    public enum Kind {
        PASSED,
        FAILED,
        /** The probe itself could not run: evidence of nothing, never a pass. */
        COULD_NOT_RUN
    }

    public static ProbeResult passed(String detail, long latencyMs) {
        return new ProbeResult(Kind.PASSED, detail, latencyMs);
    }

    public static ProbeResult failed(String detail, Long latencyMs) {
        return new ProbeResult(Kind.FAILED, detail, latencyMs);
    }

    public static ProbeResult couldNotRun(String detail) {
        return new ProbeResult(Kind.COULD_NOT_RUN, detail, null);
    }
}
