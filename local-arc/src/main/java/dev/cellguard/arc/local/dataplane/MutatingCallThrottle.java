package dev.cellguard.arc.local.dataplane;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * ARC's per-endpoint quota on mutating calls: at most {@code limit} calls admitted in any sliding
 * one-second window. Calls refused by the throttle do not count. Thread-safe.
 *
 * <p>It measures real elapsed time (a monotonic nanosecond source), not the local ARC's configurable
 * clock: a test that freezes the clock to control wait periods must not freeze the throttle too.
 */
public final class MutatingCallThrottle {

    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final LongSupplier nanoTime;
    private final Deque<Long> admitted = new ArrayDeque<>();

    /** @param limit calls per second; 0 disables throttling */
    public MutatingCallThrottle(int limit) {
        this(limit, System::nanoTime);
    }

    MutatingCallThrottle(int limit, LongSupplier nanoTime) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 (unlimited) or more, got " + limit);
        }
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** Admits a call if fewer than {@code limit} were admitted during the last second. */
    public synchronized boolean tryAcquire() {
        if (limit == 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        while (!admitted.isEmpty() && now - admitted.peekFirst() >= WINDOW_NANOS) {
            admitted.pollFirst();
        }
        if (admitted.size() >= limit) {
            return false;
        }
        admitted.addLast(now);
        return true;
    }

    public int limit() {
        return limit;
    }

    /** Forgets every admitted call. */
    public synchronized void reset() {
        admitted.clear();
    }
}
