package dev.cellguard.contracts;

/** The type-specific part of an event. Each implementation is a record with its own JSON Schema. */
public sealed interface EventPayload permits CellHealthChanged, CellReadinessChanged, ResourceSetDriftDetected, ResourceSetDriftResolved,
        ReadinessSnapshot, FailoverDecision, RoutingControlChanged {

    default EventType eventType() {
        return EventType.ofPayload(this);
    }
}
