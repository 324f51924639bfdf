package dev.cellguard.monitor.resources.aws;

import dev.cellguard.monitor.readiness.Observation;

/**
 * Why reading a resource stopped, already classified. Thrown inside a collection and turned into an
 * {@link Observation.Failed} by {@link AwsCollector#collect}; it never leaves the collector.
 */
final class CollectionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Observation.Failure failure;

    CollectionFailure(Observation.Failure failure, String message, Throwable cause) {
        super(message, cause, false, false);
        this.failure = failure;
    }

    Observation.Failure failure() {
        return failure;
    }
}
