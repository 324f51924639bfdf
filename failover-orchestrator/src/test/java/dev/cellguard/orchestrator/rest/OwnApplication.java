package dev.cellguard.orchestrator.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Gives the operator API tests an application (and local ARC, SQS server, signing key) of their
 * own: their manual failovers change the routing controls, the engine's decisions and the ARC call
 * counters that {@code FailoverFlowTest} asserts on. A test profile makes Quarkus start afresh.
 */
public class OwnApplication implements QuarkusTestProfile {
}
