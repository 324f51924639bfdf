package dev.cellguard.orchestrator.routing;

/**
 * Told about every attempt the {@link RoutingControlClient} makes on an endpoint, so the edge can
 * count attempts, failures by kind and latency per endpoint without the client knowing about
 * metrics libraries.
 */
@FunctionalInterface
public interface EndpointAttempts {

    /** How an attempt ended. */
    enum Outcome {
        SUCCESS,
        /** ConflictException: a safety rule said no. Final. */
        CONFLICT,
        /** Validation, ResourceNotFound, AccessDenied or ServiceLimitExceeded. Final. */
        REJECTED,
        THROTTLED,
        /** EndpointTemporarilyUnavailableException: the endpoint is in maintenance. */
        UNAVAILABLE,
        SERVER_ERROR,
        TIMEOUT,
        CONNECTION_FAILED
    }

    EndpointAttempts NONE = (endpoint, operation, outcome, nanos) -> { };

    void attempted(ArcEndpoint endpoint, String operation, Outcome outcome, long nanos);
}
