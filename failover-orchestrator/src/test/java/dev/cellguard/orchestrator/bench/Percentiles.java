package dev.cellguard.orchestrator.bench;

import java.util.Arrays;

/** Latency samples in microseconds and their percentiles. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samplesMicros) {
        this.sorted = samplesMicros.clone();
        Arrays.sort(sorted);
    }

    double millis(double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    double maxMillis() {
        return sorted[sorted.length - 1] / 1000.0;
    }
}
