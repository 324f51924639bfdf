package dev.cellguard.orchestrator.routing;

import java.util.List;

/**
 * How an accepted routing-control update went.
 *
 * @param endpoint  the endpoint that accepted it
 * @param attempts  endpoint attempts made, the accepted one included
 * @param latencyMs from the first attempt to acceptance
 * @param failures  what went wrong on the endpoints tried before, in order
 */
public record UpdateOutcome(ArcEndpoint endpoint, int attempts, long latencyMs, List<String> failures) {
}
