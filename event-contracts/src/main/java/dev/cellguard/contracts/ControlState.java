package dev.cellguard.contracts;

/** One routing control and the state it has or should have, with the cell it routes to. */
public record ControlState(String routingControlArn, String cell, RoutingState state) {
}
