package dev.cellguard.safety;

import java.util.Objects;

/**
 * One entry of an update as the evaluator saw it: the control's state before the update and the
 * state requested for it.
 *
 * @param routingControlArn the routing control
 * @param previous          its state before the update
 * @param next              its state after the update (the requested state)
 */
public record StateChange(String routingControlArn, RoutingControlState previous, RoutingControlState next) {

    public StateChange {
        Objects.requireNonNull(routingControlArn, "routingControlArn");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
    }

    /** {@code false} for a no-op entry (the control already had the requested state). */
    public boolean changed() {
        return previous != next;
    }
}
