package dev.cellguard.orchestrator.routing;

import java.util.random.RandomGenerator;

/** A "random" first endpoint that is always the same one, so a test knows which endpoints are tried first. */
final class FixedStart implements RandomGenerator {

    private final int index;

    FixedStart(int index) {
        this.index = index;
    }

    @Override
    public long nextLong() {
        return index;
    }

    @Override
    public int nextInt(int bound) {
        return index % bound;
    }
}
