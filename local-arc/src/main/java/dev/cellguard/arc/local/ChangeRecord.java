package dev.cellguard.arc.local;

import dev.cellguard.safety.RoutingControlState;
import java.time.Instant;
import java.util.List;

/**
 * One accepted update call, as kept in the change log.
 *
 * @param sequence        1 for the first accepted call since start (or reset), then 2, 3, …
 * @param time            when it was committed (the local ARC's clock)
 * @param endpointRegion  the region of the endpoint that served the call
 * @param operation       {@code UpdateRoutingControlState} or {@code UpdateRoutingControlStates}
 * @param entries         every entry of the call in request order, no-op entries included
 * @param overriddenRules the {@code SafetyRulesToOverride} of the call, as sent
 */
public record ChangeRecord(long sequence, Instant time, String endpointRegion, String operation,
                           List<Entry> entries, List<String> overriddenRules) {

    public ChangeRecord {
        entries = List.copyOf(entries);
        overriddenRules = List.copyOf(overriddenRules);
    }

    /**
     * One entry of an accepted call.
     *
     * @param routingControlArn  the routing control
     * @param routingControlName its name
     * @param previousState      its state before the call
     * @param newState           its state after the call (equal to {@code previousState} for a no-op entry)
     */
    public record Entry(String routingControlArn, String routingControlName, RoutingControlState previousState,
                        RoutingControlState newState) {
    }
}
