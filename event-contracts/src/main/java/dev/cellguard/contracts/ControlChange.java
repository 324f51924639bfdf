package dev.cellguard.contracts;

/** One routing control's move from one state to another. */
public record ControlChange(String routingControlArn, String cell, RoutingState previousState, RoutingState newState) {
}
