package dev.cellguard.orchestrator.policy;

/** A cell of the recovery group, the routing control that sends traffic to it, and its rank (1 = primary). */
public record CellRoute(String cell, String routingControlArn, int priority) {
}
