package dev.cellguard.orchestrator.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * How long one observer has seen a bad condition, in total: time under a BAD verdict accumulates,
 * time without a verdict (UNKNOWN) neither counts nor resets, and a GOOD verdict resets to zero.
 * Not thread-safe.
 */
final class SustainedTimer {

    enum Verdict {
        BAD,
        GOOD,
        NONE
    }

    private Verdict verdict = Verdict.NONE;
    private Instant since;
    private Duration accumulated = Duration.ZERO;

    void observe(Verdict next, Instant at) {
        if (verdict == Verdict.BAD && since != null && at.isAfter(since)) {
            accumulated = accumulated.plus(Duration.between(since, at));
        }
        if (next == Verdict.GOOD) {
            accumulated = Duration.ZERO;
        }
        verdict = next;
        since = at;
    }

    Duration sustained(Instant now) {
        if (verdict == Verdict.BAD && since != null && now.isAfter(since)) {
            return accumulated.plus(Duration.between(since, now));
        }
        return accumulated;
    }

    Verdict verdict() {
        return verdict;
    }
}
