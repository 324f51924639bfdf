package dev.cellguard.orchestrator.routing;

import java.net.URI;

/** One of the ARC cluster's regional endpoints. */
public record ArcEndpoint(String region, URI url) {
}
